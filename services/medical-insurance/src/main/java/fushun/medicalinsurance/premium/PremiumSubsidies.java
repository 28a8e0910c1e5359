package fushun.medicalinsurance.premium;

import fushun.contracts.HouseholdCategory;
import fushun.medicalinsurance.insured.HouseholdCover;
import fushun.platform.export.XlsxRoster;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The premium-subsidy roster (参保资助名单) per county and year, as data and as an .xlsx file. */
@Service
public class PremiumSubsidies {

    public record Entry(String divisionCode, UUID householdId, String maskedIdNumber, PremiumSubsidyRule.Kind kind,
                        String basis, BigDecimal amount) {
    }

    public record Roster(String county, int year, BigDecimal premium, BigDecimal transitionShare, String parameterVersions,
                         List<Entry> entries, BigDecimal total) {
    }

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;

    public PremiumSubsidies(JdbcClient jdbc, PolicyParameters parameters) {
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    /**
     * Every insured person of the county's registered households who gets a subsidy for the year,
     * with the premium and share in force on 1 January (the yearly enrolment); a member who left the
     * household is listed for the years they were in it on 1 January. The household's
     * category is the one it has now: the registry keeps no history of categories.
     */
    public Roster roster(String county, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        PolicyValue premium = parameters.required("medical.premium.individual", county, from);
        PolicyValue share = parameters.required("medical.premium.transition-share", county, from);
        record Insured(String divisionCode, UUID householdId, String maskedIdNumber, HouseholdCategory category,
                       boolean notEntitled, String basis, LocalDate leftOn) {
        }
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                        select h.division_code, h.household_id, p.masked_id_number, h.category, h.not_entitled_to_policy,
                               (select case when bool_or(c.basis = 'TEKUN') then 'TEKUN' else 'DIBAO' end
                                  from cover_status c
                                 where c.person_ref = p.person_ref and c.basis in ('TEKUN', 'DIBAO')
                                   and c.valid_from < :to and (c.valid_to is null or c.valid_to > :from)
                                having count(*) > 0) as basis,
                               p.left_on
                        from insured_person p join insured_household h on h.household_id = p.household_id
                        where h.division_code like :county
                        order by h.division_code, h.household_id, p.masked_id_number""")
                .param("from", from).param("to", from.plusYears(1)).param("county", county + "%")
                .query((rs, n) -> new Insured(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        HouseholdCategory.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class)))
                .list().stream()
                .filter(p -> HouseholdCover.enrolledFor(p.leftOn(), year))
                .forEach(p -> PremiumSubsidyRule.subsidyOf(p.basis(), p.category(), p.notEntitled(), premium.value(),
                                share.value())
                        .ifPresent(s -> entries.add(new Entry(p.divisionCode(), p.householdId(), p.maskedIdNumber(),
                                s.kind(), s.basis(), s.amount()))));
        return new Roster(county, year, premium.value(), share.value(), premium.version() + ", " + share.version(),
                entries, entries.stream().map(Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The roster as an .xlsx workbook (参保资助名单). */
    public void writeXlsx(Roster roster, OutputStream out) throws IOException {
        XlsxRoster.write(out, roster.year() + "年参保资助名单",
                List.of("行政区划代码", "户编号", "身份证号（脱敏）", "资助类别", "资助依据", "资助金额（元）"),
                roster.entries().stream().map(e -> List.<Object>of(e.divisionCode(), e.householdId().toString(),
                        e.maskedIdNumber(), e.kind() == PremiumSubsidyRule.Kind.FULL ? "全额资助" : "定额资助（过渡期）",
                        e.basis(), e.amount())).toList(),
                List.of(List.of("合计", "", roster.entries().size() + " 人", "", "", roster.total()),
                        List.of("参数", roster.parameterVersions())));
    }
}
