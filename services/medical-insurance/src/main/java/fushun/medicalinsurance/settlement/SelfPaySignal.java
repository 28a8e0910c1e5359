package fushun.medicalinsurance.settlement;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.medicalinsurance.insured.InsuredPersons;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The high-spending signal: once per household and year, when the household's yearly self-pay
 * crosses the threshold ({@link SelfPayThreshold}), monitoring is told (RiskSignalObserved).
 */
@Service
public class SelfPaySignal {

    private static final Logger log = LoggerFactory.getLogger(SelfPaySignal.class);

    private final JdbcClient jdbc;
    private final InsuredPersons insured;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;

    public SelfPaySignal(JdbcClient jdbc, InsuredPersons insured, PolicyParameters parameters, OutboxWriter outbox,
                         Clock clock) {
        this.jdbc = jdbc;
        this.insured = insured;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Re-evaluates the settlement years of a household that just became known: settlements that
     * arrived before the household registration still count.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void evaluateAllYears(UUID householdId) {
        HouseholdMembers members = HouseholdMembers.of(insured.lock(householdId).members());
        if (members.none()) {
            return;
        }
        jdbc.sql("select distinct extract(year from s.settled_on)::int from settlement s join " + HouseholdMembers.MEMBERS
                        + " on m.person_ref = s.person_ref where m.left_on is null or s.settled_on <= m.left_on")
                .param("refs", members.personRefs()).param("leftOns", members.leftOns())
                .query(Integer.class).list()
                .forEach(year -> evaluate(householdId, year));
    }

    /** Signals monitoring once per household and year when yearly self-pay crosses the threshold. */
    void evaluate(UUID householdId, int year) {
        // one evaluation per household at a time: a second batch waits and then sees the first's rows
        InsuredPersons.LockedHousehold household = insured.lock(householdId);
        BigDecimal selfPay = selfPay(HouseholdMembers.of(household.members()), year);
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
            // ids only: the amounts are health data
            log.info("Self-pay risk signal {} for household {}, year {}", signalId, householdId, year);
        }
    }

    /** The household's self-pay of the year: each member's settlements up to the day they left, if they did. */
    private BigDecimal selfPay(HouseholdMembers members, int year) {
        if (members.none()) {
            return BigDecimal.ZERO;
        }
        return jdbc.sql("select coalesce(sum(s.self_pay), 0) from settlement s join " + HouseholdMembers.MEMBERS
                        + " on m.person_ref = s.person_ref"
                        + " where s.settled_on >= :from and s.settled_on < :to"
                        + " and (m.left_on is null or s.settled_on <= m.left_on)")
                .param("refs", members.personRefs()).param("leftOns", members.leftOns())
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query(BigDecimal.class).single();
    }
}
