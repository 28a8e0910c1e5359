package fushun.monitoring.risk;

import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Turns bureau signals into alerts and assignments, and records the bureaus' answers. */
@Service
public class RiskAlerts {

    private static final Logger log = LoggerFactory.getLogger(RiskAlerts.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final ResponsibilityMatrix responsibilities;
    private final Clock clock;

    public RiskAlerts(JdbcClient jdbc, OutboxWriter outbox, ResponsibilityMatrix responsibilities, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.responsibilities = responsibilities;
        this.clock = clock;
    }

    /**
     * Records the signal and, where the rule says so, raises an alert with its assignments. Runs in
     * the listener's transaction, together with the inbox entry.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<RiskAlertRaised> onSignal(RiskSignalObserved signal) {
        Optional<HouseholdFacts> household = jdbc.sql(
                        "select division_code, not_entitled_to_policy from household where id = :id")
                .param("id", signal.householdId())
                .query((rs, n) -> new HouseholdFacts(rs.getString(1), rs.getBoolean(2))).optional();
        if (household.isEmpty()) {
            // A signal about a household we do not know is kept, so nothing is lost, but raises nothing.
            insertSignal(signal, "未登记的农户，未预警");
            log.warn("Signal {} names an unregistered household {}", signal.signalId(), signal.householdId());
            return Optional.empty();
        }
        boolean alreadyMonitored = jdbc.sql(
                        "select count(*) from monitored_risk where household_id = :h and risk_type = :r")
                .param("h", signal.householdId()).param("r", signal.riskType().name())
                .query(Long.class).single() > 0;
        AlertDecision decision = AlertDecision.decide(signal.riskType(), household.get().notEntitled(),
                alreadyMonitored, summaryOf(signal));
        insertSignal(signal, decision.explanation());
        if (!decision.raise()) {
            return Optional.empty();
        }
        return Optional.of(raise(signal, household.get().divisionCode(), decision.explanation()));
    }

    private RiskAlertRaised raise(RiskSignalObserved signal, String divisionCode, String explanation) {
        UUID alertId = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        jdbc.sql("""
                        insert into risk_alert (id, household_id, division_code, risk_types, explanation, status, signal_id, raised_at)
                        values (:id, :household, :division, :types, :explanation, 'OPEN', :signal, :raisedAt)""")
                .param("id", alertId).param("household", signal.householdId()).param("division", divisionCode)
                .param("types", signal.riskType().name()).param("explanation", explanation)
                .param("signal", signal.signalId()).param("raisedAt", java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("insert into monitored_risk (household_id, risk_type, alert_id) values (:h, :r, :a)")
                .param("h", signal.householdId()).param("r", signal.riskType().name()).param("a", alertId)
                .update();
        List<RiskAlertRaised.Assignment> assignments = responsibilities.forRisk(signal.riskType(), today).stream()
                .map(r -> new RiskAlertRaised.Assignment(UUID.randomUUID(), r.bureau(), today.plusDays(r.deadlineDays())))
                .toList();
        for (RiskAlertRaised.Assignment a : assignments) {
            jdbc.sql("""
                            insert into assignment (id, alert_id, household_id, bureau, due_date, status)
                            values (:id, :alert, :household, :bureau, :due, 'ASSIGNED')""")
                    .param("id", a.assignmentId()).param("alert", alertId).param("household", signal.householdId())
                    .param("bureau", a.bureau().name()).param("due", a.dueDate())
                    .update();
        }
        RiskAlertRaised alert = new RiskAlertRaised(alertId, signal.householdId(), divisionCode,
                List.of(signal.riskType()), explanation, now, assignments);
        outbox.append(Topics.MONITORING_RISK_ALERT, signal.householdId().toString(), divisionCode, alert);
        return alert;
    }

    /** A bureau took on its own assignment; acknowledging twice, or another bureau's, changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean onAcknowledged(AssignmentAcknowledged ack) {
        return jdbc.sql("""
                        update assignment set status = 'ACKNOWLEDGED', acknowledged_at = :at, case_reference = :ref
                        where id = :id and bureau = :bureau and status = 'ASSIGNED'""")
                .param("at", java.sql.Timestamp.from(ack.acknowledgedAt())).param("ref", ack.caseReference())
                .param("id", ack.assignmentId()).param("bureau", ack.bureau().name())
                .update() == 1;
    }

    /** A household's alerts with their assignments, newest first, within the caller's jurisdiction. */
    public List<AlertView> alertsOf(UUID householdId, Jurisdiction jurisdiction) {
        boolean visible = jdbc.sql("select count(*) from household where id = :id and division_code like :scope")
                .param("id", householdId).param("scope", jurisdiction.likePattern()).query(Long.class).single() > 0;
        if (!visible) {
            throw new NotFoundException("没有找到该农户。");
        }
        Map<UUID, List<AlertView.AssignmentView>> assignments = jdbc.sql("""
                        select id, alert_id, bureau, due_date, status, case_reference, acknowledged_at
                        from assignment where household_id = :h order by bureau""")
                .param("h", householdId)
                .query((rs, n) -> Map.entry(rs.getObject("alert_id", UUID.class), new AlertView.AssignmentView(
                        rs.getObject("id", UUID.class), rs.getString("bureau"), rs.getDate("due_date").toLocalDate(),
                        rs.getString("status"), rs.getString("case_reference"),
                        rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at").toInstant())))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                        select id, risk_types, explanation, status, raised_at from risk_alert
                        where household_id = :h order by raised_at desc""")
                .param("h", householdId)
                .query((rs, n) -> new AlertView(rs.getObject("id", UUID.class), List.of(rs.getString("risk_types").split(",")),
                        rs.getString("explanation"), rs.getString("status"), rs.getTimestamp("raised_at").toInstant(),
                        assignments.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    private void insertSignal(RiskSignalObserved signal, String outcome) {
        jdbc.sql("""
                        insert into risk_signal (id, household_id, source_bureau, risk_type, description, figures,
                                                 parameter_version, observed_at, outcome)
                        values (:id, :household, :source, :risk, :description, :figures, :version, :observedAt, :outcome)
                        on conflict (id) do nothing""")
                .param("id", signal.signalId()).param("household", signal.householdId())
                .param("source", signal.source().name()).param("risk", signal.riskType().name())
                .param("description", signal.description()).param("figures", String.valueOf(signal.figures()))
                .param("version", signal.parameterVersion())
                .param("observedAt", java.sql.Timestamp.from(signal.observedAt())).param("outcome", outcome)
                .update();
    }

    static String summaryOf(RiskSignalObserved signal) {
        String figures = signal.figures() == null ? "" : signal.figures().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(", ", "（", "）"));
        return signal.source().label() + "报告：" + (signal.description() == null ? "" : signal.description()) + figures
                + (signal.parameterVersion() == null ? "" : "，参数 " + signal.parameterVersion());
    }

    private record HouseholdFacts(String divisionCode, boolean notEntitled) {
    }
}
