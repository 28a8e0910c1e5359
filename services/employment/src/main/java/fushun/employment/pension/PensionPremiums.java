package fushun.employment.pension;

import fushun.platform.export.XlsxRoster;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Residents' pension premiums paid on behalf (代缴, §2(2)5): the lowest tier for every person on dibao
 * or 特困 in the year (from civil affairs) and every person of a household the county confirmed as a
 * monitoring object, for a year in which it was monitored (the platform's reading of 返贫致贫人口). A
 * roster per county and year, and .xlsx.
 * A member who left the household is listed up to the year of the month they left ({@link PensionRosterRule}).
 * The roster is drawn by the county the household belongs to now: after a move the new county lists
 * it (also for past years: the roster is worked out, not a record of what a county paid).
 * Severely disabled people are in the policy too; the platform has no disability register yet, so
 * they are not listed (the disabled persons' federation's data would add them).
 */
@Service
public class PensionPremiums {

    public record Entry(String divisionCode, UUID householdId, String maskedIdNumber, String basis, BigDecimal amount) {
    }

    public record Roster(String county, int year, BigDecimal lowestTier, String parameterVersion, List<Entry> entries,
                         BigDecimal total) {
    }

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;

    public PensionPremiums(JdbcClient jdbc, PolicyParameters parameters) {
        this.jdbc = jdbc;
        this.parameters = parameters;
    }

    public Roster roster(String county, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        PolicyValue tier = parameters.required("employment.pension.lowest-tier", county, from);
        List<Entry> entries = jdbc.sql("""
                        select p.division_code, p.household_id, p.masked_id_number,
                               case when exists (select 1 from assisted_person a where a.person_ref = p.person_ref
                                                   and a.programme = 'TEKUN' and a.valid_from < :to
                                                   and (a.valid_to is null or a.valid_to > :from)) then '特困人员'
                                    when exists (select 1 from assisted_person a where a.person_ref = p.person_ref
                                                   and a.programme = 'DIBAO' and a.valid_from < :to
                                                   and (a.valid_to is null or a.valid_to > :from)) then '低保对象'
                                    when c.monitored_from < :to and (c.monitored_to is null or c.monitored_to >= :from)
                                         then '返贫致贫人口（监测对象）'
                               end as basis,
                               p.left_on
                        from person p left join household_category c on c.household_id = p.household_id
                        where p.division_code like :county
                        order by p.division_code, p.household_id, p.masked_id_number""")
                .param("from", from).param("to", from.plusYears(1)).param("county", county + "%")
                .query((rs, n) -> rs.getString("basis") == null
                        || !PensionRosterRule.listedFor(rs.getObject("left_on", LocalDate.class), year) ? null
                        : new Entry(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString("basis"),
                        tier.value()))
                .list().stream().filter(java.util.Objects::nonNull).toList();
        return new Roster(county, year, tier.value(), tier.version(), entries,
                tier.value().multiply(BigDecimal.valueOf(entries.size())));
    }

    /** The roster as an .xlsx workbook (养老保险代缴名单). */
    public void writeXlsx(Roster roster, OutputStream out) throws IOException {
        XlsxRoster.write(out, roster.year() + "年养老保险代缴名单",
                List.of("行政区划代码", "户编号", "身份证号（脱敏）", "代缴依据", "代缴金额（元）"),
                roster.entries().stream().map(e -> List.<Object>of(e.divisionCode(), e.householdId().toString(),
                        e.maskedIdNumber(), e.basis(), e.amount())).toList(),
                List.of(List.of("合计", "", roster.entries().size() + " 人", "", roster.total()),
                        List.of("参数 " + roster.parameterVersion())));
    }
}
