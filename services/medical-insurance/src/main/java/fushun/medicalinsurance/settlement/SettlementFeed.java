package fushun.medicalinsurance.settlement;

import fushun.platform.PlatformTime;
import fushun.medicalinsurance.cover.CoverClass;
import fushun.medicalinsurance.cover.CoverRegister;
import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.medicalinsurance.insured.InsuredPersons;
import fushun.medicalinsurance.tiers.ThreeTiers;
import fushun.medicalinsurance.tiers.TierParameters;
import fushun.platform.metrics.AfterCommit;
import fushun.platform.metrics.ImportMetrics;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.PiiMasking;
import fushun.platform.pii.ResidentIdNumbers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts settlement batches: the rows are checked by {@link SettlementRows}, the good ones settled
 * and stored here, and the households they touched handed to {@link SelfPaySignal}.
 */
@Service
public class SettlementFeed {

    private final JdbcClient jdbc;
    private final FeedCompleteness feedCounties;
    private final CoverRegister cover;
    private final TierParameters tierParameters;
    private final InsuredPersons insured;
    private final SelfPaySignal signal;
    private final PersonRefs personRefs;
    private final Clock clock;
    private final ImportMetrics metrics;

    public SettlementFeed(JdbcClient jdbc, CoverRegister cover, TierParameters tierParameters, PersonRefs personRefs,
                          InsuredPersons insured, SelfPaySignal signal, Clock clock, FeedCompleteness feedCounties,
                          MeterRegistry registry) {
        this.jdbc = jdbc;
        // platform_import_rows_total{kind="settlement"}: the API's batches and the provincial pull's alike
        this.metrics = new ImportMetrics(registry, "settlement", ImportMetrics.Outcome.ACCEPTED,
                ImportMetrics.Outcome.REJECTED, ImportMetrics.Outcome.DUPLICATE);
        this.feedCounties = feedCounties;
        this.cover = cover;
        this.tierParameters = tierParameters;
        this.insured = insured;
        this.signal = signal;
        this.personRefs = personRefs;
        this.clock = clock;
    }

    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    /** What the three tiers paid for an accepted row, and on which basis. */
    public record Tiers(BigDecimal basicInsurance, BigDecimal criticalIllness, BigDecimal medicalAssistance,
                        BigDecimal selfPay, String coverClass, String parameterVersions) {
    }

    public record RowResult(int row, String settlementId, Outcome outcome, List<RowProblem> problems, Tiers tiers) {
    }

    public record RowProblem(String field, String message) {
    }

    /**
     * Stores the good rows of a batch with their three tiers and reports each row. A settlement id
     * seen before is a duplicate and changes nothing, so a resent batch is harmless. One transaction
     * per batch, under the persons' locks. A settlement's tiers start from the person's stored
     * settlements of the year dated before it; settlements already stored are not settled again when
     * an earlier-dated one arrives late (they were paid as they were).
     */
    @Transactional
    public List<RowResult> accept(List<RawSettlement> rawBatch, String submittedBy, String source) {
        Timer.Sample took = metrics.start();
        Set<String> counties = new HashSet<>(feedCounties.countyCodes());
        LocalDate today = PlatformTime.today(clock);
        List<SettlementRows.Checked> batch = rawBatch.stream().map(raw -> SettlementRows.check(raw, counties, today))
                .toList();
        List<String> persons = batch.stream().map(SettlementRows.Checked::record)
                .filter(r -> r != null && ResidentIdNumbers.isValid(r.idNumber()))
                .map(r -> personRefs.of(r.idNumber())).toList();
        lockPersons(persons);
        // read under the locks: a registration that committed first is seen, one that waits sees these rows
        Map<String, InsuredPersons.Membership> memberships = insured.membershipsOf(persons);
        List<RowResult> results = new ArrayList<>();
        // households in id order: two batches lock them in the same order, so they cannot deadlock
        Set<Map.Entry<UUID, Integer>> touched = new TreeSet<>(Map.Entry.<UUID, Integer>comparingByKey()
                .thenComparing(Map.Entry.comparingByValue()));
        for (int i = 0; i < batch.size(); i++) {
            SettlementRows.Checked checked = batch.get(i);
            SettlementRecord record = checked.record();
            if (!checked.good()) {
                results.add(new RowResult(i + 1, record == null ? null : record.settlementId(), Outcome.REJECTED,
                        checked.problems(), null));
                continue;
            }
            String personRef = personRefs.of(record.idNumber());
            Optional<UUID> household = Optional.ofNullable(memberships.get(personRef))
                    .flatMap(m -> m.householdOn(record.settledOn()));
            Optional<CoverClass> coverClass = cover.classOn(personRef, household.orElse(null), record.settledOn());
            TierParameters.Applied applied;
            try {
                applied = tierParameters.rulesFor(record.insuredCounty(), record.settledOn(), coverClass);
            } catch (IllegalStateException noParameters) {
                results.add(new RowResult(i + 1, record.settlementId(), Outcome.REJECTED,
                        List.of(new RowProblem("settledOn", "结算日期没有适用的医保待遇参数（早于政策生效日期）")), null));
                continue;
            }
            ThreeTiers.YearToDate ytd = yearBefore(personRef, record);
            ThreeTiers.Result tiers = ThreeTiers.settle(new ThreeTiers.Cost(record.totalCost(), record.policyRangeCost(),
                    record.basicInsurancePaid()), ytd, applied.rules());
            String coverName = coverClass.map(Enum::name).orElse(null);
            boolean inserted = store(record, personRef, tiers, coverName, applied.versions(), source, submittedBy);
            if (!inserted) {
                results.add(new RowResult(i + 1, record.settlementId(), Outcome.DUPLICATE, List.of(), null));
                continue;
            }
            results.add(new RowResult(i + 1, record.settlementId(), Outcome.ACCEPTED, List.of(),
                    new Tiers(record.basicInsurancePaid(), tiers.criticalIllness(), tiers.medicalAssistance(),
                            tiers.selfPay(), coverName, applied.versions())));
            household.ifPresent(h -> touched.add(Map.entry(h, record.settledOn().getYear())));
        }
        touched.forEach(t -> signal.evaluate(t.getKey(), t.getValue()));
        count(results, took);
        return results;
    }

    /** The batch's rows by outcome, once they are stored: a batch rolled back counts nothing. */
    private void count(List<RowResult> results, Timer.Sample took) {
        Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        results.forEach(r -> byOutcome.merge(r.outcome(), 1L, Long::sum));
        AfterCommit.run(() -> {
            metrics.rows(ImportMetrics.Outcome.ACCEPTED, byOutcome.getOrDefault(Outcome.ACCEPTED, 0L));
            metrics.rows(ImportMetrics.Outcome.REJECTED, byOutcome.getOrDefault(Outcome.REJECTED, 0L));
            metrics.rows(ImportMetrics.Outcome.DUPLICATE, byOutcome.getOrDefault(Outcome.DUPLICATE, 0L));
            metrics.finished(took);
        });
    }

    /** The person's year before this settlement, in settlement-date order (then by id), from what is stored. */
    private ThreeTiers.YearToDate yearBefore(String personRef, SettlementRecord record) {
        return jdbc.sql("""
                        select coalesce(sum(greatest(coalesce(policy_range_cost, basic_insurance_paid)
                                                     - basic_insurance_paid, 0)), 0),
                               coalesce(sum(critical_illness_paid), 0), coalesce(sum(medical_assistance_paid), 0)
                        from settlement where person_ref = :ref and settled_on >= :yearStart
                          and (settled_on, settlement_id) < (:settledOn, :id)""")
                .param("ref", personRef).param("yearStart", LocalDate.of(record.settledOn().getYear(), 1, 1))
                .param("settledOn", record.settledOn()).param("id", record.settlementId())
                .query((rs, n) -> new ThreeTiers.YearToDate(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }

    /** Stores the settled row; false if its settlement id was stored before (a duplicate changes nothing). */
    private boolean store(SettlementRecord record, String personRef, ThreeTiers.Result tiers, String coverClass,
                          String parameterVersions, String source, String submittedBy) {
        return jdbc.sql("""
                        insert into settlement (settlement_id, person_ref, masked_id_number, insured_county, hospital,
                                                settled_on, total_cost, policy_range_cost, basic_insurance_paid,
                                                critical_illness_paid, medical_assistance_paid, self_pay, cover_class,
                                                parameter_versions, source, submitted_by, received_at)
                        values (:id, :ref, :masked, :county, :hospital, :settledOn, :total, :range, :basic, :critical,
                                :assistance, :selfPay, :class, :versions, :source, :by, :receivedAt)
                        on conflict (settlement_id) do nothing""")
                .param("id", record.settlementId()).param("ref", personRef)
                .param("masked", PiiMasking.idNumber(record.idNumber())).param("county", record.insuredCounty())
                .param("hospital", record.hospital()).param("settledOn", record.settledOn())
                .param("total", record.totalCost()).param("range", record.policyRangeCost())
                .param("basic", record.basicInsurancePaid()).param("critical", tiers.criticalIllness())
                .param("assistance", tiers.medicalAssistance()).param("selfPay", tiers.selfPay())
                .param("class", coverClass).param("versions", parameterVersions).param("source", source)
                .param("by", submittedBy).param("receivedAt", java.sql.Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /**
     * Settlements and registrations of one person take turns (in a fixed order, so two batches
     * cannot deadlock): whichever commits second sees the other's rows and counts them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockPersons(List<String> personRefs) {
        personRefs.stream().distinct().sorted().forEach(ref ->
                jdbc.sql("select pg_advisory_xact_lock(hashtext(:ref))").param("ref", ref).query((rs, n) -> 1).list());
    }
}
