package fushun.monitoring.discovery;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.identification.Identifications;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes clues from every channel and decides what they lead to. */
@Service
public class Discovery {

    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

    /** What a clue needs to know of the household. */
    record HouseholdFacts(String divisionCode, HouseholdCategory category, boolean notEntitledToPolicy) {
    }

    private final JdbcClient jdbc;
    private final HouseholdRegistry households;
    private final RiskAlerts alerts;
    private final Identifications identifications;

    public Discovery(JdbcClient jdbc, RiskAlerts alerts, Identifications identifications, HouseholdRegistry households) {
        this.jdbc = jdbc;
        this.households = households;
        this.alerts = alerts;
        this.identifications = identifications;
    }

    /** Department comparison: a bureau's signal. Runs in the listener's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ClueDecision onSignal(RiskSignalObserved signal) {
        Optional<HouseholdFacts> household = facts(signal.householdId());
        if (household.isEmpty()) {
            // kept, so nothing is lost, but it raises nothing
            alerts.recordSignal(signal, "未登记的农户，未预警");
            log.warn("Signal {} names an unregistered household {}", signal.signalId(), signal.householdId());
            return new ClueDecision(ClueDecision.Outcome.EXCLUDED, List.of(), false, "未登记的农户");
        }
        ClueDecision decision = decide(signal.householdId(), household.get(), List.of(signal.riskType()),
                RiskAlerts.summaryOf(signal));
        if (!alerts.recordSignal(signal, decision.explanation())) {
            // the same signal again (e.g. replayed under a new event id): already acted on
            return decision;
        }
        act(signal.householdId(), household.get(), decision, Channel.DEPARTMENT_COMPARISON, RiskAlerts.summaryOf(signal),
                signal.signalId());
        return decision;
    }

    /** Self-application or a cadre's visit, recorded by someone working in the household's area. */
    @Transactional
    public ClueDecision onClue(UUID householdId, Channel channel, List<RiskType> riskTypes, String description,
                               Jurisdiction jurisdiction) {
        HouseholdFacts household = facts(householdId).filter(h -> jurisdiction.covers(h.divisionCode()))
                .orElseThrow(() -> new NotFoundException("没有找到该农户。"));
        String summary = channel.label() + "：" + description;
        ClueDecision decision = decide(householdId, household, riskTypes, summary);
        act(householdId, household, decision, channel, summary, null);
        return decision;
    }

    /** A cadre's follow-up visit: always recorded; findings with risks become a clue. */
    @Transactional
    public Optional<ClueDecision> onVisit(UUID householdId, LocalDate visitedOn, String findings, List<RiskType> riskTypes,
                                          String visitedBy, Jurisdiction jurisdiction) {
        facts(householdId).filter(h -> jurisdiction.covers(h.divisionCode()))
                .orElseThrow(() -> new NotFoundException("没有找到该农户。"));
        jdbc.sql("""
                        insert into cadre_visit (id, household_id, visited_on, visited_by, findings, risk_types)
                        values (:id, :h, :on, :by, :findings, :types)""")
                .param("id", UUID.randomUUID()).param("h", householdId).param("on", visitedOn).param("by", visitedBy)
                .param("findings", findings)
                .param("types", String.join(",", riskTypes.stream().map(Enum::name).toList()))
                .update();
        return riskTypes.isEmpty() ? Optional.empty()
                : Optional.of(onClue(householdId, Channel.CADRE_VISIT, riskTypes, findings, jurisdiction));
    }

    private ClueDecision decide(UUID householdId, HouseholdFacts household, List<RiskType> riskTypes, String summary) {
        return ClueDecision.decide(riskTypes, alerts.monitoredRisks(householdId), household.notEntitledToPolicy(),
                household.category(), summary);
    }

    private void act(UUID householdId, HouseholdFacts household, ClueDecision decision, Channel channel, String summary,
                     UUID signalId) {
        switch (decision.outcome()) {
            case ALERT -> alerts.raise(householdId, household.divisionCode(), decision.riskTypes(), decision.explanation(), signalId);
            case ALERT_AND_IDENTIFY -> {
                alerts.raise(householdId, household.divisionCode(), decision.riskTypes(), decision.explanation(), signalId);
                identifications.openOrJoin(householdId, household.divisionCode(), channel, decision.riskTypes(), summary, false);
            }
            case IDENTIFY -> {
                identifications.openOrJoin(householdId, household.divisionCode(), channel, decision.riskTypes(), summary,
                        decision.greenChannel());
                if (decision.greenChannel()) {
                    // help first only for the disaster or accident; other risks wait for the county
                    alerts.raise(householdId, household.divisionCode(), decision.greenChannelRisks(),
                            decision.explanation(), signalId);
                }
            }
            case EXCLUDED, ALREADY_MONITORED, NO_RISK -> {
                // recorded with its explanation; nothing to do
            }
        }
    }

    private Optional<HouseholdFacts> facts(UUID householdId) {
        return households.standing(householdId)
                .map(h -> new HouseholdFacts(h.divisionCode(), h.category(), h.notEntitledToPolicy()));
    }
}
