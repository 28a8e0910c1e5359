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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    private final MonthlyPayments monthlyPayments;
    private final PersonRefs personRefs;
    private final Clock clock;
    private final ImportMetrics metrics;

    public SettlementFeed(JdbcClient jdbc, CoverRegister cover, TierParameters tierParameters, PersonRefs personRefs,
                          InsuredPersons insured, SelfPaySignal signal, MonthlyPayments monthlyPayments, Clock clock,
                          FeedCompleteness feedCounties, MeterRegistry registry) {
        this.jdbc = jdbc;
        // platform_import_rows_total{kind="settlement"}: the API's batches and the provincial pull's alike
        this.metrics = new ImportMetrics(registry, "settlement", ImportMetrics.Outcome.ACCEPTED,
                ImportMetrics.Outcome.REJECTED, ImportMetrics.Outcome.DUPLICATE);
        this.feedCounties = feedCounties;
        this.cover = cover;
        this.tierParameters = tierParameters;
        this.insured = insured;
        this.signal = signal;
        this.monthlyPayments = monthlyPayments;
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
     *
     * <p>Set-based (ADR 0030): the batch's persons are locked in one statement, their households,
     * cover, years and the batch's known settlement ids read in one query each; the rows are settled
     * in memory in batch order, stored in one statement that also adds them to the persons' years, and
     * each household's year is evaluated once. The insured counties' months of the stored rows that
     * count for a household are counted again in one aggregate and published ({@link MonthlyPayments}).
     */
    @Transactional
    public List<RowResult> accept(List<RawSettlement> rawBatch, String submittedBy, String source) {
        Timer.Sample took = metrics.start();
        Set<String> counties = new HashSet<>(feedCounties.countyCodes());
        LocalDate today = PlatformTime.today(clock);
        List<SettlementRows.Checked> batch = rawBatch.stream().map(raw -> SettlementRows.check(raw, counties, today))
                .toList();
        String[] refs = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            SettlementRecord r = batch.get(i).record();
            if (r != null && ResidentIdNumbers.isValid(r.idNumber())) {
                refs[i] = personRefs.of(r.idNumber());
            }
        }
        List<String> persons = Arrays.stream(refs).filter(Objects::nonNull).distinct().toList();
        lockPersons(persons);
        // read under the locks: a registration that committed first is seen, one that waits sees these rows
        Map<String, InsuredPersons.Membership> memberships = insured.membershipsOf(persons);
        CoverRegister.Bases bases = cover.basesOf(persons, memberships.values().stream()
                .map(InsuredPersons.Membership::householdId).collect(Collectors.toSet()));
        TierParameters.Batch rules = tierParameters.forBatch();
        Map<Integer, StoredYear> stored = storedYears(batch, refs);

        List<RowResult> results = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        Set<String> acceptedIds = new HashSet<>();
        Map<PersonYear, List<Settled>> inBatch = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            SettlementRows.Checked checked = batch.get(i);
            SettlementRecord record = checked.record();
            if (!checked.good()) {
                results.add(new RowResult(i + 1, record == null ? null : record.settlementId(), Outcome.REJECTED,
                        checked.problems(), null));
                continue;
            }
            String personRef = refs[i];
            Optional<UUID> household = Optional.ofNullable(memberships.get(personRef))
                    .flatMap(m -> m.householdOn(record.settledOn()));
            Optional<CoverClass> coverClass = bases.classOn(personRef, household.orElse(null), record.settledOn());
            TierParameters.Applied applied;
            try {
                applied = rules.rulesFor(record.insuredCounty(), record.settledOn(), coverClass);
            } catch (IllegalStateException noParameters) {
                results.add(new RowResult(i + 1, record.settlementId(), Outcome.REJECTED,
                        List.of(new RowProblem("settledOn", "结算日期没有适用的医保待遇参数（早于政策生效日期）")), null));
                continue;
            }
            StoredYear year = stored.get(i);
            if (year.known() || acceptedIds.contains(record.settlementId())) {
                results.add(new RowResult(i + 1, record.settlementId(), Outcome.DUPLICATE, List.of(), null));
                continue;
            }
            PersonYear key = new PersonYear(personRef, record.settledOn().getYear());
            List<Settled> before = inBatch.computeIfAbsent(key, k -> new ArrayList<>());
            ThreeTiers.YearToDate ytd = plus(year.afterLast() ? year.sums() : yearBefore(personRef, record),
                    before.stream().filter(s -> s.position() < year.position()).toList());
            ThreeTiers.Result tiers = ThreeTiers.settle(new ThreeTiers.Cost(record.totalCost(), record.policyRangeCost(),
                    record.basicInsurancePaid()), ytd, applied.rules());
            String coverName = coverClass.map(Enum::name).orElse(null);
            Settled row = new Settled(results.size(), record, personRef, household.orElse(null), year.position(), tiers,
                    coverName, applied.versions());
            acceptedIds.add(record.settlementId());
            before.add(row);
            settled.add(row);
            results.add(new RowResult(i + 1, record.settlementId(), Outcome.ACCEPTED, List.of(),
                    new Tiers(record.basicInsurancePaid(), tiers.criticalIllness(), tiers.medicalAssistance(),
                            tiers.selfPay(), coverName, applied.versions())));
        }
        Set<String> inserted = store(settled, source, submittedBy);
        Set<SelfPaySignal.HouseholdYear> touched = new HashSet<>();
        Set<TierTotals.CountyMonth> months = new HashSet<>();
        for (Settled row : settled) {
            if (!inserted.contains(row.record().settlementId())) {
                // stored by a concurrent batch after this one read the ids: a duplicate, as a row-by-row insert would say
                RowResult was = results.get(row.result());
                results.set(row.result(), new RowResult(was.row(), was.settlementId(), Outcome.DUPLICATE, List.of(), null));
            } else if (row.household() != null) {
                touched.add(new SelfPaySignal.HouseholdYear(row.household(), row.record().settledOn().getYear()));
                months.add(TierTotals.CountyMonth.of(row.record().insuredCounty(), row.record().settledOn()));
            }
        }
        signal.evaluate(touched);
        // counted and published by MonthlyPayments' own run: the batch only marks its months
        monthlyPayments.markDue(months);
        count(results, took);
        return results;
    }

    /** A person's settlements of one year. */
    private record PersonYear(String personRef, int year) {
    }

    /**
     * What is stored for a good row: whether its settlement id is known, the person's year as stored
     * ({@code afterLast}: the row is dated after every stored settlement of it, so it starts from
     * all of it), and the row's place among the batch's rows by date, then id (as the database orders them).
     */
    private record StoredYear(boolean known, ThreeTiers.YearToDate sums, boolean afterLast, long position) {
    }

    /** A row settled in this batch, to be stored. */
    private record Settled(int result, SettlementRecord record, String personRef, UUID household, long position,
                           ThreeTiers.Result tiers, String coverClass, String parameterVersions) {
    }

    /** The person's year before a row: the stored part, plus the batch's rows of that year dated before it. */
    private static ThreeTiers.YearToDate plus(ThreeTiers.YearToDate stored, List<Settled> before) {
        ThreeTiers.YearToDate ytd = stored;
        for (Settled s : before) {
            SettlementRecord r = s.record();
            ytd = new ThreeTiers.YearToDate(
                    ytd.afterBasic().add(r.policyRangeCost().subtract(r.basicInsurancePaid()).max(BigDecimal.ZERO)),
                    ytd.criticalPaid().add(s.tiers().criticalIllness()),
                    ytd.assistancePaid().add(s.tiers().medicalAssistance()));
        }
        return ytd;
    }

    /**
     * For each good row, in one query: is its settlement id stored, the person's year as stored, and
     * is the row dated after all of it. Keyed by row index.
     */
    private Map<Integer, StoredYear> storedYears(List<SettlementRows.Checked> batch, String[] refs) {
        Map<Integer, StoredYear> stored = new HashMap<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).good()) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return stored;
        }
        jdbc.sql("""
                        select r.ord, exists (select 1 from settlement s where s.settlement_id = r.id),
                               coalesce(y.after_basic, 0), coalesce(y.critical_paid, 0), coalesce(y.assistance_paid, 0),
                               y.person_ref is null or (r.settled_on, r.id) > (y.last_settled_on, y.last_settlement_id),
                               rank() over (order by r.settled_on, r.id)
                        from unnest(cast(:rows as int[]), cast(:refs as bpchar[]), cast(:ons as date[]),
                                    cast(:ids as varchar[])) as r(ord, person_ref, settled_on, id)
                        left join person_settlement_year y
                               on y.person_ref = r.person_ref and y.year = extract(year from r.settled_on)::int""")
                .param("rows", rows.toArray(Integer[]::new))
                .param("refs", rows.stream().map(i -> refs[i]).toArray(String[]::new))
                .param("ons", rows.stream().map(i -> batch.get(i).record().settledOn().toString()).toArray(String[]::new))
                .param("ids", rows.stream().map(i -> batch.get(i).record().settlementId()).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> stored.put(rs.getInt(1), new StoredYear(rs.getBoolean(2),
                        new ThreeTiers.YearToDate(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                        rs.getBoolean(6), rs.getLong(7))));
        return stored;
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

    /**
     * Stores the settled rows in one statement, which adds them to their persons' years too; answers
     * the settlement ids it stored (a row a concurrent batch stored first is left out: a duplicate).
     */
    private Set<String> store(List<Settled> settled, String source, String submittedBy) {
        if (settled.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        with stored as (
                            insert into settlement (settlement_id, person_ref, masked_id_number, insured_county,
                                                    hospital, settled_on, total_cost, policy_range_cost,
                                                    basic_insurance_paid, critical_illness_paid, medical_assistance_paid,
                                                    self_pay, cover_class, parameter_versions, source, submitted_by,
                                                    received_at)
                            select r.*, :source, :by, :receivedAt
                            from unnest(cast(:ids as varchar[]), cast(:refs as bpchar[]), cast(:masked as varchar[]),
                                        cast(:counties as varchar[]), cast(:hospitals as varchar[]),
                                        cast(:ons as date[]), cast(:totals as numeric[]), cast(:ranges as numeric[]),
                                        cast(:basics as numeric[]), cast(:criticals as numeric[]),
                                        cast(:assistances as numeric[]), cast(:selfPays as numeric[]),
                                        cast(:classes as varchar[]), cast(:versions as varchar[])) as r
                            on conflict (settlement_id) do nothing
                            returning settlement_id, person_ref, settled_on, policy_range_cost, basic_insurance_paid,
                                      critical_illness_paid, medical_assistance_paid, self_pay),
                        years as (
                            insert into person_settlement_year as y (person_ref, year, settlements, after_basic,
                                                                     critical_paid, assistance_paid, self_pay,
                                                                     last_settled_on, last_settlement_id)
                            select person_ref, extract(year from settled_on)::int, count(*),
                                   sum(greatest(coalesce(policy_range_cost, basic_insurance_paid)
                                                - basic_insurance_paid, 0)),
                                   sum(critical_illness_paid), sum(medical_assistance_paid), sum(self_pay),
                                   (array_agg(settled_on order by settled_on desc, settlement_id desc))[1],
                                   (array_agg(settlement_id order by settled_on desc, settlement_id desc))[1]
                            from stored group by person_ref, extract(year from settled_on)::int
                            on conflict (person_ref, year) do update set
                                settlements = y.settlements + excluded.settlements,
                                after_basic = y.after_basic + excluded.after_basic,
                                critical_paid = y.critical_paid + excluded.critical_paid,
                                assistance_paid = y.assistance_paid + excluded.assistance_paid,
                                self_pay = y.self_pay + excluded.self_pay,
                                last_settled_on = case when (excluded.last_settled_on, excluded.last_settlement_id)
                                                          > (y.last_settled_on, y.last_settlement_id)
                                                       then excluded.last_settled_on else y.last_settled_on end,
                                last_settlement_id = case when (excluded.last_settled_on, excluded.last_settlement_id)
                                                             > (y.last_settled_on, y.last_settlement_id)
                                                          then excluded.last_settlement_id else y.last_settlement_id end)
                        select settlement_id from stored""")
                .param("ids", column(settled, s -> s.record().settlementId()))
                .param("refs", column(settled, Settled::personRef))
                .param("masked", column(settled, s -> PiiMasking.idNumber(s.record().idNumber())))
                .param("counties", column(settled, s -> s.record().insuredCounty()))
                .param("hospitals", column(settled, s -> s.record().hospital()))
                .param("ons", column(settled, s -> s.record().settledOn().toString()))
                .param("totals", column(settled, s -> s.record().totalCost().toPlainString()))
                .param("ranges", column(settled, s -> s.record().policyRangeCost().toPlainString()))
                .param("basics", column(settled, s -> s.record().basicInsurancePaid().toPlainString()))
                .param("criticals", column(settled, s -> s.tiers().criticalIllness().toPlainString()))
                .param("assistances", column(settled, s -> s.tiers().medicalAssistance().toPlainString()))
                .param("selfPays", column(settled, s -> s.tiers().selfPay().toPlainString()))
                .param("classes", column(settled, Settled::coverClass))
                .param("versions", column(settled, Settled::parameterVersions))
                .param("source", source).param("by", submittedBy)
                .param("receivedAt", java.sql.Timestamp.from(clock.instant()))
                .query(String.class).list());
    }

    private static String[] column(List<Settled> settled, Function<Settled, String> value) {
        return settled.stream().map(value).toArray(String[]::new);
    }

    /**
     * Settlements and registrations of one person take turns (in a fixed order, so two batches
     * cannot deadlock): whichever commits second sees the other's rows and counts them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockPersons(List<String> personRefs) {
        String[] refs = personRefs.stream().distinct().toArray(String[]::new);
        if (refs.length == 0) {
            return;
        }
        // one statement, the locks taken in key order (the subquery is ordered and not flattened)
        jdbc.sql("""
                        select pg_advisory_xact_lock(k) from (
                            select distinct hashtext(r) as k from unnest(cast(:refs as text[])) as r order by k offset 0
                        ) as keys""")
                .param("refs", refs).query((rs, n) -> 1).list();
    }
}
