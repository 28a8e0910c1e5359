package fushun.medicalinsurance.settlement;

import fushun.platform.PlatformTime;
import fushun.contracts.Bureau;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.medicalinsurance.cover.CoverClass;
import fushun.medicalinsurance.cover.CoverRegister;
import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.medicalinsurance.insured.HouseholdCover;
import fushun.medicalinsurance.tiers.ThreeTiers;
import fushun.medicalinsurance.tiers.TierParameters;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.PiiMasking;
import fushun.platform.pii.ResidentIdNumbers;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accepts settlement batches and keeps the high-spending signal up to date. */
@Service
public class SettlementFeed {

    private static final Logger log = LoggerFactory.getLogger(SettlementFeed.class);

    /** Far above any real settlement, and within the columns' numeric(14, 2). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");

    private final JdbcClient jdbc;
    private final FeedCompleteness feedCounties;
    private final CoverRegister cover;
    private final TierParameters tierParameters;
    private final PersonRefs personRefs;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;

    public SettlementFeed(JdbcClient jdbc, CoverRegister cover, TierParameters tierParameters, PersonRefs personRefs,
                          PolicyParameters parameters, OutboxWriter outbox, Clock clock, FeedCompleteness feedCounties) {
        this.jdbc = jdbc;
        this.feedCounties = feedCounties;
        this.cover = cover;
        this.tierParameters = tierParameters;
        this.personRefs = personRefs;
        this.parameters = parameters;
        this.outbox = outbox;
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
        List<RowResult> results = new ArrayList<>();
        // households in id order: two batches lock them in the same order, so they cannot deadlock
        Set<Map.Entry<UUID, Integer>> touched = new java.util.TreeSet<>(Map.Entry.<UUID, Integer>comparingByKey()
                .thenComparing(Map.Entry.comparingByValue()));
        List<SettlementRecord> batch = rawBatch.stream().map(SettlementFeed::parse).toList();
        lockPersons(batch.stream().filter(r -> r != null && ResidentIdNumbers.isValid(r.idNumber()))
                .map(r -> personRefs.of(r.idNumber())).toList());
        Set<String> counties = new java.util.HashSet<>(feedCounties.countyCodes());
        for (int i = 0; i < batch.size(); i++) {
            SettlementRecord record = batch.get(i);
            if (record == null) {
                results.add(new RowResult(i + 1, null, Outcome.REJECTED, List.of(new RowProblem("row", "空行")), null));
                continue;
            }
            List<RowProblem> problems = problemsOf(record, counties);
            if (!problems.isEmpty()) {
                results.add(new RowResult(i + 1, record.settlementId(), Outcome.REJECTED, problems, null));
                continue;
            }
            String personRef = personRefs.of(record.idNumber());
            Optional<UUID> household = householdOf(personRef, record.settledOn());
            Optional<CoverClass> coverClass = cover.classOn(personRef, household.orElse(null), record.settledOn());
            TierParameters.Applied applied;
            try {
                applied = tierParameters.rulesFor(record.insuredCounty(), record.settledOn(), coverClass);
            } catch (IllegalStateException noParameters) {
                results.add(new RowResult(i + 1, record.settlementId(), Outcome.REJECTED,
                        List.of(new RowProblem("settledOn", "结算日期没有适用的医保待遇参数（早于政策生效日期）")), null));
                continue;
            }
            int year = record.settledOn().getYear();
            // the person's year before this settlement, in settlement-date order (then by id), from what is stored
            ThreeTiers.YearToDate ytd = jdbc.sql("""
                            select coalesce(sum(greatest(coalesce(policy_range_cost, basic_insurance_paid)
                                                         - basic_insurance_paid, 0)), 0),
                                   coalesce(sum(critical_illness_paid), 0), coalesce(sum(medical_assistance_paid), 0)
                            from settlement where person_ref = :ref and settled_on >= :yearStart
                              and (settled_on, settlement_id) < (:settledOn, :id)""")
                    .param("ref", personRef).param("yearStart", LocalDate.of(year, 1, 1))
                    .param("settledOn", record.settledOn()).param("id", record.settlementId())
                    .query((rs, n) -> new ThreeTiers.YearToDate(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                    .single();
            ThreeTiers.Result tiers = ThreeTiers.settle(new ThreeTiers.Cost(record.totalCost(), record.policyRangeCost(),
                    record.basicInsurancePaid()), ytd, applied.rules());
            String coverName = coverClass.map(Enum::name).orElse(null);
            int inserted = jdbc.sql("""
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
                    .param("class", coverName).param("versions", applied.versions()).param("source", source)
                    .param("by", submittedBy).param("receivedAt", java.sql.Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                results.add(new RowResult(i + 1, record.settlementId(), Outcome.DUPLICATE, List.of(), null));
                continue;
            }
            results.add(new RowResult(i + 1, record.settlementId(), Outcome.ACCEPTED, List.of(),
                    new Tiers(record.basicInsurancePaid(), tiers.criticalIllness(), tiers.medicalAssistance(),
                            tiers.selfPay(), coverName, applied.versions())));
            household.ifPresent(h -> touched.add(Map.entry(h, year)));
        }
        touched.forEach(t -> evaluate(t.getKey(), t.getValue()));
        return results;
    }

    /** The row with its date and amounts read; what cannot be read is left empty, and reported as missing. */
    private static SettlementRecord parse(RawSettlement raw) {
        if (raw == null) {
            return null;
        }
        return new SettlementRecord(raw.settlementId(), raw.idNumber(), raw.insuredCounty(), raw.hospital(),
                date(raw.settledOn()), amount(raw.totalCost()), amount(raw.policyRangeCost()),
                amount(raw.basicInsurancePaid()));
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<RowProblem> problemsOf(SettlementRecord r, Set<String> counties) {
        List<RowProblem> problems = new ArrayList<>();
        if (r.settlementId() == null || r.settlementId().isBlank() || r.settlementId().length() > 64) {
            problems.add(new RowProblem("settlementId", "结算单号不能为空且不超过64个字符"));
        }
        if (!ResidentIdNumbers.isValid(r.idNumber())) {
            problems.add(new RowProblem("idNumber", "身份证号无效（应为18位，出生日期真实且不晚于今天，校验位正确）"));
        }
        if (r.insuredCounty() == null || !counties.contains(r.insuredCounty())) {
            problems.add(new RowProblem("insuredCounty", "参保地应为抚顺市的6位县区代码"));
        }
        if (r.hospital() == null || r.hospital().isBlank() || r.hospital().length() > 200) {
            problems.add(new RowProblem("hospital", "必须填写医疗机构，且不超过200个字符"));
        }
        if (r.settledOn() == null || r.settledOn().isAfter(PlatformTime.today(clock))) {
            problems.add(new RowProblem("settledOn", "结算日期必须填写，格式如 2026-03-12，且不能晚于今天"));
        }
        BigDecimal[] amounts = {r.totalCost(), r.policyRangeCost(), r.basicInsurancePaid()};
        boolean amountsPresent = true;
        for (BigDecimal amount : amounts) {
            if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
                amountsPresent = false;
            }
        }
        if (!amountsPresent) {
            problems.add(new RowProblem("amounts", "金额必须填写为数字，不能为负数，最多两位小数，不超过一亿元"));
        } else if (r.policyRangeCost().compareTo(r.totalCost()) > 0 || r.basicInsurancePaid().compareTo(r.policyRangeCost()) > 0) {
            problems.add(new RowProblem("amounts", "应满足：基本医保支付 ≤ 政策范围内费用 ≤ 总费用"));
        }
        return problems;
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

    /** The person's household on the day, if they are its member then ({@link HouseholdCover}). */
    private Optional<UUID> householdOf(String personRef, LocalDate day) {
        record Member(UUID householdId, LocalDate leftOn) {
        }
        return jdbc.sql("select household_id, left_on from insured_person where person_ref = :ref")
                .param("ref", personRef).query(Member.class).optional()
                .filter(m -> HouseholdCover.coveredOn(m.leftOn(), day)).map(Member::householdId);
    }

    /**
     * Re-evaluates the settlement years of a household that just became known: settlements that
     * arrived before the household registration still count.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void evaluateAllYears(UUID householdId) {
        jdbc.sql("""
                        select distinct extract(year from s.settled_on)::int from settlement s
                        join insured_person p on p.person_ref = s.person_ref
                        where p.household_id = :h and (p.left_on is null or s.settled_on <= p.left_on)""")
                .param("h", householdId).query(Integer.class).list()
                .forEach(year -> evaluate(householdId, year));
    }

    /** Signals monitoring once per household and year when yearly self-pay crosses the threshold. */
    void evaluate(UUID householdId, int year) {
        record Household(String divisionCode, HouseholdCategory category) {
        }
        // one evaluation per household at a time: a second batch waits and then sees the first's rows
        Household household = jdbc.sql(
                        "select division_code, category from insured_household where household_id = :h for update")
                .param("h", householdId)
                .query((rs, n) -> new Household(rs.getString(1), HouseholdCategory.valueOf(rs.getString(2)))).single();
        BigDecimal selfPay = jdbc.sql("""
                        select coalesce(sum(s.self_pay), 0) from settlement s
                        join insured_person p on p.person_ref = s.person_ref
                        where p.household_id = :h and s.settled_on >= :from and s.settled_on < :to
                          -- HouseholdCover.coveredOn: a member who left counts up to the day they left
                          and (p.left_on is null or s.settled_on <= p.left_on)""")
                .param("h", householdId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query(BigDecimal.class).single();
        Optional<PolicyValue> parameter = parameters.valueAt(SelfPayThreshold.parameterFor(household.category()),
                household.divisionCode().substring(0, 6), LocalDate.of(year, 12, 31));
        if (parameter.isEmpty()) {
            // no threshold in force for that year (before the policy): nothing to signal, nothing to fail
            log.info("No self-pay threshold in force for {}; household {} not evaluated", year, householdId);
            return;
        }
        PolicyValue threshold = parameter.get();
        if (!SelfPayThreshold.crossed(selfPay, threshold.value())) {
            return;
        }
        UUID signalId = UUID.randomUUID();
        int first = jdbc.sql("""
                        insert into self_pay_signal (household_id, year, signal_id, self_pay, threshold, parameter_version)
                        values (:h, :year, :signal, :selfPay, :threshold, :version) on conflict do nothing""")
                .param("h", householdId).param("year", year).param("signal", signalId).param("selfPay", selfPay)
                .param("threshold", threshold.value()).param("version", threshold.version())
                .update();
        if (first == 1) {
            outbox.append(Topics.MEDICAL_INSURANCE_SIGNAL, householdId.toString(), household.divisionCode(),
                    new RiskSignalObserved(signalId, householdId, Bureau.MEDICAL_INSURANCE, RiskType.ILLNESS,
                            "家庭年度自付医疗费用超过预警线",
                            Map.of("year", BigDecimal.valueOf(year), "selfPayYearToDate", selfPay,
                                    "threshold", threshold.value().stripTrailingZeros()),
                            threshold.version(), clock.instant()));
        }
    }
}
