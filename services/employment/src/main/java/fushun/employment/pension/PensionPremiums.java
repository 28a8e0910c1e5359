package fushun.employment.pension;

import fushun.employment.labour.People;
import fushun.platform.export.RosterPass;
import fushun.platform.export.XlsxRoster;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' pension premiums paid on behalf (代缴, §2(2)5) at the lowest tier, a roster per county and
 * year, and .xlsx: who is listed is {@link PensionPremiumRule}'s (insurable age, dibao / 特困 from civil
 * affairs, severely disabled people from 残联's register, monitored households from monitoring,
 * registered straight into a monitoring category or
 * confirmed by the county). People whose year of birth is not known are not listed but counted, so the
 * officer knows to check them.
 * A member who left the household is listed up to the year of the month they left ({@link PensionRosterRule}).
 * The roster is drawn by the county the household belongs to now: after a move the new county lists
 * it (also for past years: the roster is worked out, not a record of what a county paid).
 * Severely disabled people (重度残疾人) are listed from the year 残联's register first showed them so,
 * as monitoring publishes it ({@code DisabilityRegistered}, ADR 0040).
 */
@Service
public class PensionPremiums {

    public record Entry(String divisionCode, UUID householdId, String maskedIdNumber, String basis, Integer ageInYear,
                        BigDecimal amount) {
    }

    /**
     * One page of the roster with the count ({@code total}) and the amount ({@code totalAmount}) of the
     * whole roster.
     *
     * @param ageUnknown people with a basis who are not listed because their year of birth is not known
     */
    public record Roster(String county, int year, BigDecimal lowestTier, int minAge, int pensionAge,
                         List<String> parameterVersions, List<Entry> items, int page, int size, long total,
                         BigDecimal totalAmount, int ageUnknown) {
    }

    /** The county and year of a roster, and the parameters in force on 1 January. */
    private record Header(String county, int year, PolicyValue tier, PolicyValue minAge, PolicyValue pensionAge) {

        List<String> versions() {
            return List.of(tier.version(), minAge.version(), pensionAge.version());
        }
    }

    /** A year's roster counted: the people listed, their households and the premiums paid on their behalf. */
    public record Coverage(long households, long persons, BigDecimal amount) {
    }

    private final People people;
    private final PolicyParameters parameters;

    public PensionPremiums(People people, PolicyParameters parameters) {
        this.people = people;
        this.parameters = parameters;
    }

    /**
     * One page of the roster, and its count and amount over the whole county: the rule decides in
     * Java, so one pass streams every person of the county and keeps only the page's entries.
     */
    @Transactional(readOnly = true)
    public Roster roster(String county, int year, Jurisdiction jurisdiction, int page, int size) {
        Header header = header(county, year, jurisdiction);
        RosterPass.Paged<Entry> pass = RosterPass.page(page, size, Entry::amount);
        int ageUnknown = stream(header, pass);
        return new Roster(county, year, header.tier().value(), header.minAge().value().intValueExact(),
                header.pensionAge().value().intValueExact(), header.versions(), pass.kept(), page, size, pass.count(),
                pass.total(), ageUnknown);
    }

    /**
     * The county's roster of the year counted for the monthly totals: the people and households it
     * lists and their premiums at the lowest tier, in one statement ({@link People#pensionCount}, the
     * roster's rules in SQL, held to {@link #roster}'s answers by the totals' integration test). Empty
     * for a year the parameters do not price (none in force on 1 January), so no household event is
     * refused for an old date.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Coverage> coverage(String county, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        Optional<PolicyValue> tier = parameters.valueAt("employment.pension.lowest-tier", county, from);
        Optional<PolicyValue> minAge = parameters.valueAt("employment.pension.min-age", county, from);
        Optional<PolicyValue> pensionAge = parameters.valueAt("employment.pension.pension-age", county, from);
        if (tier.isEmpty() || minAge.isEmpty() || pensionAge.isEmpty()) {
            return Optional.empty();
        }
        People.PensionCount count = people.pensionCount(county, year, minAge.get().value().intValueExact(),
                pensionAge.get().value().intValueExact());
        return Optional.of(new Coverage(count.households(), count.persons(),
                tier.get().value().multiply(BigDecimal.valueOf(count.persons()))));
    }

    /**
     * The whole roster as an .xlsx workbook (养老保险代缴名单), its rows streamed from the database
     * into the workbook's temporary file; the caller writes it out and closes it.
     */
    @Transactional(readOnly = true)
    public XlsxRoster xlsx(String county, int year, Jurisdiction jurisdiction) {
        Header header = header(county, year, jurisdiction);
        return RosterPass.xlsx(year + "年养老保险代缴名单", xlsx -> {
            xlsx.header(List.of("行政区划代码", "户编号", "身份证号（脱敏）", "代缴依据", "代缴金额（元）", "当年周岁"));
            RosterPass<Entry> pass = RosterPass.each(Entry::amount, e -> xlsx.row(Arrays.asList(e.divisionCode(),
                    e.householdId().toString(), e.maskedIdNumber(), e.basis(), e.amount(), e.ageInYear())));
            int ageUnknown = stream(header, pass);
            xlsx.footer(List.of("合计", "", pass.count() + " 人", "", pass.total()));
            xlsx.footer(List.of("参保年龄 " + header.minAge().value().intValueExact() + " 周岁至未满 "
                    + header.pensionAge().value().intValueExact() + " 周岁（按当年周岁）；"
                    + "平台无参保登记数据，列入者均视为已参加城乡居民养老保险"));
            xlsx.footer(List.of("出生年份不详未列入 " + ageUnknown + " 人，请核实"));
            xlsx.footer(List.of("参数 " + String.join(", ", header.versions())));
        });
    }

    private Header header(String county, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        return new Header(county, year, parameters.required("employment.pension.lowest-tier", county, from),
                parameters.required("employment.pension.min-age", county, from),
                parameters.required("employment.pension.pension-age", county, from));
    }

    /**
     * Streams every person of the county through the rules in one pass, handing each listed entry to
     * {@code sink} in roster order; memory stays flat as the driver reads through a cursor, which
     * PostgreSQL's driver only opens inside a transaction and with a fetch size.
     */
    private int stream(Header header, Consumer<Entry> sink) {
        RosterPass.requireTransaction();
        LocalDate from = LocalDate.of(header.year(), 1, 1);
        Pass pass = new Pass(header, sink);
        people.eachForPensionYear(header.county(), from, pass);
        return pass.ageUnknown;
    }

    /** Runs the rules on each person of the county, hands each listed entry on and counts those of unknown age. */
    private static final class Pass implements Consumer<People.PensionFacts> {

        private final int year;
        private final int minAge;
        private final int pensionAge;
        private final BigDecimal tier;
        private final Consumer<Entry> sink;
        private int ageUnknown;

        Pass(Header header, Consumer<Entry> sink) {
            this.year = header.year();
            this.minAge = header.minAge().value().intValueExact();
            this.pensionAge = header.pensionAge().value().intValueExact();
            this.tier = header.tier().value();
            this.sink = sink;
        }

        @Override
        public void accept(People.PensionFacts person) {
            if (!PensionRosterRule.listedFor(person.leftOn(), year)) {
                return; // left the household before the year: neither listed nor counted
            }
            PensionPremiumRule.Decision decision = PensionPremiumRule.decide(new PensionPremiumRule.Person(
                    person.birthYear(), person.assistance(), person.monitored(), person.notEntitledToPolicy(),
                    person.severelyDisabled()),
                    year, minAge, pensionAge);
            if (decision.outcome() == PensionPremiumRule.Outcome.LISTED) {
                Entry entry = new Entry(person.divisionCode(), person.householdId(), person.maskedIdNumber(), decision.basis(),
                        decision.ageInYear(), tier);
                sink.accept(entry);
            } else if (decision.outcome() == PensionPremiumRule.Outcome.AGE_UNKNOWN) {
                ageUnknown++;
            }
        }
    }
}
