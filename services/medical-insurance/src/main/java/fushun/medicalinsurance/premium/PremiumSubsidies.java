package fushun.medicalinsurance.premium;

import fushun.medicalinsurance.cover.CoverClass;
import fushun.medicalinsurance.cover.CoverRegister;
import fushun.medicalinsurance.insured.HouseholdCover;
import fushun.medicalinsurance.insured.InsuredPersons;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The premium-subsidy roster (参保资助名单) per county and year, a page at a time as data with the count
 * and amount of the whole roster, and whole as an .xlsx file. The rule decides in Java, so both read
 * the county in one streaming pass through a database cursor, a batch at a time: memory stays flat
 * however big the county.
 */
@Service
public class PremiumSubsidies {

    public record Entry(String divisionCode, UUID householdId, String maskedIdNumber, PremiumSubsidyRule.Kind kind,
                        String basis, BigDecimal amount) {
    }

    /** One page of the roster with the count ({@code total}) and amount ({@code totalAmount}) of the whole roster. */
    public record Roster(String county, int year, BigDecimal premium, BigDecimal transitionShare, String parameterVersions,
                         List<Entry> items, int page, int size, long total, BigDecimal totalAmount) {
    }

    /** The county and year of a roster, and the premium and share in force on 1 January. */
    private record Header(String county, int year, PolicyValue premium, PolicyValue share) {

        String versions() {
            return premium.version() + ", " + share.version();
        }
    }

    private final InsuredPersons insured;
    private final CoverRegister cover;
    private final PolicyParameters parameters;

    public PremiumSubsidies(InsuredPersons insured, CoverRegister cover, PolicyParameters parameters) {
        this.insured = insured;
        this.cover = cover;
        this.parameters = parameters;
    }

    /**
     * One page of the insured persons of the county's registered households who get a subsidy for the
     * year, with the premium and share in force on 1 January (the yearly enrolment); a member who left
     * the household is listed for the years they were in it on 1 January. The household's category is
     * the one it has now: the registry keeps no history of categories.
     */
    @Transactional(readOnly = true)
    public Roster roster(String county, int year, Jurisdiction jurisdiction, int page, int size) {
        Header header = header(county, year, jurisdiction);
        RosterPass.Paged<Entry> pass = RosterPass.page(page, size, Entry::amount);
        stream(header, pass);
        return new Roster(county, year, header.premium().value(), header.share().value(), header.versions(), pass.kept(),
                page, size, pass.count(), pass.total());
    }

    /**
     * The whole roster as an .xlsx workbook (参保资助名单), its rows streamed from the database into the
     * workbook's temporary file; the caller writes it out and closes it.
     */
    @Transactional(readOnly = true)
    public XlsxRoster xlsx(String county, int year, Jurisdiction jurisdiction) {
        Header header = header(county, year, jurisdiction);
        return RosterPass.xlsx(year + "年参保资助名单", xlsx -> {
            xlsx.header(List.of("行政区划代码", "户编号", "身份证号（脱敏）", "资助类别", "资助依据", "资助金额（元）"));
            RosterPass<Entry> pass = RosterPass.each(Entry::amount, e -> xlsx.row(Arrays.asList(e.divisionCode(),
                    e.householdId().toString(), e.maskedIdNumber(),
                    e.kind() == PremiumSubsidyRule.Kind.FULL ? "全额资助" : "定额资助（过渡期）", e.basis(), e.amount())));
            stream(header, pass);
            xlsx.footer(List.of("合计", "", pass.count() + " 人", "", "", pass.total()));
            xlsx.footer(List.of("参数", header.versions()));
        });
    }

    /** A county's subsidies for a year as its roster stands now: households, persons and yuan. */
    public record YearTotals(long households, long persons, BigDecimal amount) {
    }

    /**
     * The county's roster for the year counted in the same streamed pass as the list (the rule is not
     * written twice), households counted as the roster's order changes household; empty when the
     * year's premium is not in the parameters. For MonthlyTotals, under January of the year.
     */
    @Transactional(readOnly = true)
    public Optional<YearTotals> yearTotals(String county, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        Optional<PolicyValue> premium = parameters.valueAt("medical.premium.individual", county, from);
        Optional<PolicyValue> share = parameters.valueAt("medical.premium.transition-share", county, from);
        if (premium.isEmpty() || share.isEmpty()) {
            return Optional.empty();
        }
        long[] counts = new long[2];
        BigDecimal[] amount = {BigDecimal.ZERO};
        UUID[] last = {null};
        stream(new Header(county, year, premium.get(), share.get()), entry -> {
            if (!entry.householdId().equals(last[0])) {
                counts[0]++;
                last[0] = entry.householdId();
            }
            counts[1]++;
            amount[0] = amount[0].add(entry.amount());
        });
        return Optional.of(new YearTotals(counts[0], counts[1], amount[0]));
    }

    private Header header(String county, int year, Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        return new Header(county, year, parameters.required("medical.premium.individual", county, from),
                parameters.required("medical.premium.transition-share", county, from));
    }

    /**
     * Streams every insured person of the county through the rule in one pass, handing each entry to
     * {@code sink} in roster order: the insured persons through a database cursor, a batch at a time,
     * and each batch's dibao and 特困 bases in one look-up.
     */
    private void stream(Header header, Consumer<Entry> sink) {
        RosterPass.requireTransaction();
        LocalDate from = LocalDate.of(header.year(), 1, 1);
        insured.eachBatchInCounty(header.county(), RosterPass.FETCH_SIZE, batch -> {
            List<InsuredPersons.CountyPerson> enrolled = batch.stream()
                    .filter(p -> HouseholdCover.enrolledFor(p.leftOn(), header.year())).toList();
            Map<String, CoverClass> bases = cover.assistanceBasesOf(
                    enrolled.stream().map(InsuredPersons.CountyPerson::personRef).toList(), from, from.plusYears(1));
            for (InsuredPersons.CountyPerson person : enrolled) {
                CoverClass basis = bases.get(person.personRef());
                PremiumSubsidyRule.subsidyOf(basis == null ? null : basis.name(), person.category(),
                                person.notEntitledToPolicy(), header.premium().value(), header.share().value())
                        .ifPresent(subsidy -> sink.accept(new Entry(person.divisionCode(), person.householdId(),
                                person.maskedIdNumber(), subsidy.kind(), subsidy.basis(), subsidy.amount())));
            }
        });
    }
}
