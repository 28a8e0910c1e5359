package fushun.medicalinsurance.settlement;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.medicalinsurance.insured.InsuredPersons;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicySnapshot;
import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /** A household's year whose self-pay may have changed. */
    record HouseholdYear(UUID householdId, int year) {
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
        evaluate(jdbc.sql("select distinct extract(year from s.settled_on)::int from settlement s join " + HouseholdMembers.MEMBERS
                        + " on m.person_ref = s.person_ref where m.left_on is null or s.settled_on <= m.left_on")
                .param("refs", members.personRefs()).param("leftOns", members.leftOns())
                .query(Integer.class).list().stream().map(year -> new HouseholdYear(householdId, year)).toList());
    }

    /**
     * Signals monitoring once per household and year when yearly self-pay crosses the threshold: a
     * batch's households at once, locked in one statement (one evaluation per household at a time:
     * a second batch waits and then sees the first's rows), their self-pay from the persons' years
     * in one query; years already signalled are not summed again.
     */
    void evaluate(Collection<HouseholdYear> touched) {
        if (touched.isEmpty()) {
            return;
        }
        Map<UUID, InsuredPersons.LockedHousehold> households = insured.lockAll(
                touched.stream().map(HouseholdYear::householdId).collect(Collectors.toCollection(TreeSet::new)));
        Set<HouseholdYear> signalled = signalled(households.keySet());
        List<HouseholdYear> open = touched.stream().distinct()
                .filter(t -> households.containsKey(t.householdId()) && !signalled.contains(t))
                .sorted(Comparator.comparing(HouseholdYear::householdId).thenComparing(HouseholdYear::year))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        Map<HouseholdYear, BigDecimal> selfPay = selfPay(open, households);
        PolicySnapshot thresholds = parameters.snapshot(List.of(SelfPayThreshold.MONITORED, SelfPayThreshold.OTHER));
        List<Crossing> crossings = new ArrayList<>();
        for (HouseholdYear t : open) {
            crossingOf(t, households.get(t.householdId()), selfPay.getOrDefault(t, BigDecimal.ZERO), thresholds)
                    .ifPresent(crossings::add);
        }
        signal(crossings);
    }

    /** A household's year whose self-pay crossed the threshold, and the signal's id. */
    private record Crossing(HouseholdYear year, InsuredPersons.LockedHousehold household, BigDecimal selfPay,
                            PolicyValue threshold, UUID signalId) {
    }

    private Optional<Crossing> crossingOf(HouseholdYear t, InsuredPersons.LockedHousehold household, BigDecimal selfPay,
                                          PolicySnapshot thresholds) {
        Optional<PolicyValue> parameter = thresholds.valueAt(SelfPayThreshold.parameterFor(household.category()),
                household.divisionCode().substring(0, 6), LocalDate.of(t.year(), 12, 31));
        if (parameter.isEmpty()) {
            // no threshold in force for that year (before the policy): nothing to signal, nothing to fail
            log.info("No self-pay threshold in force for {}; household {} not evaluated", t.year(), t.householdId());
            return Optional.empty();
        }
        PolicyValue threshold = parameter.get();
        if (!SelfPayThreshold.crossed(selfPay, threshold.value())) {
            return Optional.empty();
        }
        return Optional.of(new Crossing(t, household, selfPay, threshold, UUID.randomUUID()));
    }

    /** The crossings recorded in one statement; those recorded first (once per household and year) told monitoring. */
    private void signal(List<Crossing> crossings) {
        if (crossings.isEmpty()) {
            return;
        }
        Set<HouseholdYear> first = new HashSet<>();
        jdbc.sql("""
                        insert into self_pay_signal (household_id, year, signal_id, self_pay, threshold, parameter_version)
                        select * from unnest(cast(:ids as uuid[]), cast(:years as int[]), cast(:signals as uuid[]),
                                             cast(:selfPays as numeric[]), cast(:thresholds as numeric[]),
                                             cast(:versions as varchar[]))
                        on conflict do nothing
                        returning household_id, year""")
                .param("ids", crossings.stream().map(c -> c.year().householdId().toString()).toArray(String[]::new))
                .param("years", crossings.stream().map(c -> c.year().year()).toArray(Integer[]::new))
                .param("signals", crossings.stream().map(c -> c.signalId().toString()).toArray(String[]::new))
                .param("selfPays", crossings.stream().map(c -> c.selfPay().toPlainString()).toArray(String[]::new))
                .param("thresholds", crossings.stream().map(c -> c.threshold().value().toPlainString())
                        .toArray(String[]::new))
                .param("versions", crossings.stream().map(c -> c.threshold().version()).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> first.add(new HouseholdYear(rs.getObject(1, UUID.class), rs.getInt(2))));
        List<OutboxWriter.Pending> events = new ArrayList<>();
        for (Crossing c : crossings) {
            if (!first.contains(c.year())) {
                continue;
            }
            UUID householdId = c.year().householdId();
            int year = c.year().year();
            events.add(new OutboxWriter.Pending(householdId.toString(), c.household().divisionCode(),
                    new RiskSignalObserved(c.signalId(), householdId, Bureau.MEDICAL_INSURANCE, RiskType.ILLNESS,
                            "家庭年度自付医疗费用超过预警线",
                            Map.of("year", BigDecimal.valueOf(year), "selfPayYearToDate", c.selfPay(),
                                    "threshold", c.threshold().value().stripTrailingZeros()),
                            c.threshold().version(), clock.instant())));
            // ids only: the amounts are health data
            log.info("Self-pay risk signal {} for household {}, year {}", c.signalId(), householdId, year);
        }
        outbox.appendAll(Topics.MEDICAL_INSURANCE_SIGNAL, events);
    }

    /** The years of these households already signalled. */
    private Set<HouseholdYear> signalled(Collection<UUID> householdIds) {
        Set<HouseholdYear> signalled = new HashSet<>();
        if (householdIds.isEmpty()) {
            return signalled;
        }
        jdbc.sql("""
                        select s.household_id, s.year from unnest(cast(:ids as uuid[])) as h(household_id)
                        join self_pay_signal s on s.household_id = h.household_id""")
                .param("ids", householdIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> signalled.add(new HouseholdYear(rs.getObject(1, UUID.class), rs.getInt(2))));
        return signalled;
    }

    /**
     * Each household's self-pay of the year: its members' years as stored, in one query. A member
     * who left counts up to the day they left: when their year has settlements after that day, theirs
     * are summed from the settlements up to it (rare: the year of leaving only).
     */
    private Map<HouseholdYear, BigDecimal> selfPay(List<HouseholdYear> open,
                                                  Map<UUID, InsuredPersons.LockedHousehold> households) {
        List<String> ids = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<String> leftOns = new ArrayList<>();
        for (HouseholdYear t : open) {
            for (InsuredPersons.Member member : households.get(t.householdId()).members()) {
                ids.add(t.householdId().toString());
                years.add(t.year());
                refs.add(member.personRef());
                leftOns.add(Objects.toString(member.leftOn(), null));
            }
        }
        Map<HouseholdYear, BigDecimal> selfPay = new HashMap<>();
        if (refs.isEmpty()) {
            return selfPay;
        }
        jdbc.sql("""
                        select t.household_id, t.year,
                               sum(case when t.left_on is null or y.last_settled_on <= t.left_on then y.self_pay
                                        else (select coalesce(sum(s.self_pay), 0) from settlement s
                                              where s.person_ref = t.person_ref and s.settled_on <= t.left_on
                                                and s.settled_on >= make_date(t.year, 1, 1)) end)
                        from unnest(cast(:ids as uuid[]), cast(:years as int[]), cast(:refs as bpchar[]),
                                    cast(:leftOns as date[])) as t(household_id, year, person_ref, left_on)
                        join person_settlement_year y on y.person_ref = t.person_ref and y.year = t.year
                        group by t.household_id, t.year""")
                .param("ids", ids.toArray(String[]::new)).param("years", years.toArray(Integer[]::new))
                .param("refs", refs.toArray(String[]::new)).param("leftOns", leftOns.toArray(String[]::new))
                .query((RowCallbackHandler) rs -> selfPay.put(new HouseholdYear(rs.getObject(1, UUID.class), rs.getInt(2)),
                        rs.getBigDecimal(3)));
        return selfPay;
    }
}
