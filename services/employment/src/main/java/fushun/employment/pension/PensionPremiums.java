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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Residents' pension premiums paid on behalf (代缴, §2(2)5) at the lowest tier, a roster per county and
 * year, and .xlsx: who is listed is {@link PensionPremiumRule}'s (insurable age, dibao / 特困 from civil
 * affairs, monitored households from monitoring, registered straight into a monitoring category or
 * confirmed by the county). People whose year of birth is not known are not listed but counted, so the
 * officer knows to check them.
 * A member who left the household is listed up to the year of the month they left ({@link PensionRosterRule}).
 * The roster is drawn by the county the household belongs to now: after a move the new county lists
 * it (also for past years: the roster is worked out, not a record of what a county paid).
 * Severely disabled people are in the policy too; the platform has no disability register yet, so
 * they are not listed (the disabled persons' federation's data would add them).
 */
@Service
public class PensionPremiums {

    public record Entry(String divisionCode, UUID householdId, String maskedIdNumber, String basis, Integer ageInYear,
                        BigDecimal amount) {
    }

    /**
     * @param ageUnknown people with a basis who are not listed because their year of birth is not known
     */
    public record Roster(String county, int year, BigDecimal lowestTier, int minAge, int pensionAge,
                         List<String> parameterVersions, List<Entry> entries, BigDecimal total, int ageUnknown) {
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
        PolicyValue minAge = parameters.required("employment.pension.min-age", county, from);
        PolicyValue pensionAge = parameters.required("employment.pension.pension-age", county, from);
        record Row(String divisionCode, UUID householdId, String maskedIdNumber, PensionPremiumRule.Person person,
                   LocalDate leftOn) {
        }
        List<Row> rows = jdbc.sql("""
                        select p.division_code, p.household_id, p.masked_id_number, p.birth_year,
                               case when exists (select 1 from assisted_person a where a.person_ref = p.person_ref
                                                   and a.programme = 'TEKUN' and a.valid_from < :to
                                                   and (a.valid_to is null or a.valid_to > :from)) then 'TEKUN'
                                    when exists (select 1 from assisted_person a where a.person_ref = p.person_ref
                                                   and a.programme = 'DIBAO' and a.valid_from < :to
                                                   and (a.valid_to is null or a.valid_to > :from)) then 'DIBAO'
                               end as assistance,
                               coalesce(c.monitored_from < :to and (c.monitored_to is null or c.monitored_to >= :from),
                                        false) as monitored,
                               coalesce(c.not_entitled_to_policy, false) as not_entitled,
                               p.left_on
                        from person p left join household_category c on c.household_id = p.household_id
                        where p.division_code like :county
                        order by p.division_code, p.household_id, p.masked_id_number""")
                .param("from", from).param("to", from.plusYears(1)).param("county", county + "%")
                .query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        new PensionPremiumRule.Person(rs.getObject(4, Integer.class), rs.getString(5),
                                rs.getBoolean(6), rs.getBoolean(7)), rs.getObject(8, LocalDate.class)))
                .list();
        List<Entry> entries = new ArrayList<>();
        int ageUnknown = 0;
        for (Row row : rows) {
            if (!PensionRosterRule.listedFor(row.leftOn(), year)) {
                continue; // left the household before the year: neither listed nor counted
            }
            PensionPremiumRule.Decision decision = PensionPremiumRule.decide(row.person(), year,
                    minAge.value().intValueExact(), pensionAge.value().intValueExact());
            if (decision.outcome() == PensionPremiumRule.Outcome.LISTED) {
                entries.add(new Entry(row.divisionCode(), row.householdId(), row.maskedIdNumber(), decision.basis(),
                        decision.ageInYear(), tier.value()));
            } else if (decision.outcome() == PensionPremiumRule.Outcome.AGE_UNKNOWN) {
                ageUnknown++;
            }
        }
        return new Roster(county, year, tier.value(), minAge.value().intValueExact(), pensionAge.value().intValueExact(),
                List.of(tier.version(), minAge.version(), pensionAge.version()), entries,
                tier.value().multiply(BigDecimal.valueOf(entries.size())), ageUnknown);
    }

    /** The roster as an .xlsx workbook (养老保险代缴名单). */
    public void writeXlsx(Roster roster, OutputStream out) throws IOException {
        XlsxRoster.write(out, roster.year() + "年养老保险代缴名单",
                List.of("行政区划代码", "户编号", "身份证号（脱敏）", "代缴依据", "代缴金额（元）", "当年周岁"),
                roster.entries().stream().map(e -> List.<Object>of(e.divisionCode(), e.householdId().toString(),
                        e.maskedIdNumber(), e.basis(), e.amount(), e.ageInYear())).toList(),
                List.of(List.of("合计", "", roster.entries().size() + " 人", "", roster.total()),
                        List.of("参保年龄 " + roster.minAge() + " 周岁至未满 " + roster.pensionAge() + " 周岁（按当年周岁）；"
                                + "平台无参保登记数据，列入者均视为已参加城乡居民养老保险"),
                        List.of("出生年份不详未列入 " + roster.ageUnknown() + " 人，请核实"),
                        List.of("参数 " + String.join(", ", roster.parameterVersions()))));
    }
}
