package fushun.monitoring.risk;

import static fushun.platform.PlatformTime.CHINA;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Alerts and their assignments (who must help with what by when), and the bureaus' answers. */
@Service
public class RiskAlerts {

    private static final Logger log = LoggerFactory.getLogger(RiskAlerts.class);


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

    /** Risk types the household is monitored for now (an open alert per type at most). */
    public Set<RiskType> monitoredRisks(UUID householdId) {
        return jdbc.sql("select risk_type from monitored_risk where household_id = :h").param("h", householdId)
                .query((rs, n) -> RiskType.valueOf(rs.getString(1))).set();
    }

    /**
     * Raises one alert for the risk types not yet monitored, with one assignment per responsible
     * bureau (the union over the types, each with its earliest deadline). Empty if every type is
     * already monitored. Runs inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<RiskAlertRaised> raise(UUID householdId, String divisionCode, List<RiskType> riskTypes,
                                           String explanation, UUID signalId) {
        Set<RiskType> monitored = monitoredRisks(householdId);
        List<RiskType> fresh = riskTypes.stream().distinct().filter(t -> !monitored.contains(t)).toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        explanation = clip(explanation, 2000);
        UUID alertId = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        jdbc.sql("""
                        insert into risk_alert (id, household_id, division_code, risk_types, explanation, status, signal_id, raised_at)
                        values (:id, :household, :division, :types, :explanation, 'OPEN', :signal, :raisedAt)""")
                .param("id", alertId).param("household", householdId).param("division", divisionCode)
                .param("types", fresh.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("explanation", explanation).param("signal", signalId)
                .param("raisedAt", java.sql.Timestamp.from(now))
                .update();
        Map<Bureau, LocalDate> dueByBureau = new EnumMap<>(Bureau.class);
        for (RiskType type : fresh) {
            jdbc.sql("insert into monitored_risk (household_id, risk_type, alert_id) values (:h, :r, :a)")
                    .param("h", householdId).param("r", type.name()).param("a", alertId).update();
            for (ResponsibilityMatrix.Responsibility r : responsibilities.forRisk(type, today)) {
                dueByBureau.merge(r.bureau(), today.plusDays(r.deadlineDays()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<RiskAlertRaised.Assignment> assignments = dueByBureau.entrySet().stream()
                .map(e -> new RiskAlertRaised.Assignment(UUID.randomUUID(), e.getKey(), e.getValue()))
                .toList();
        for (RiskAlertRaised.Assignment a : assignments) {
            jdbc.sql("""
                            insert into assignment (id, alert_id, household_id, bureau, due_date, status)
                            values (:id, :alert, :household, :bureau, :due, 'ASSIGNED')""")
                    .param("id", a.assignmentId()).param("alert", alertId).param("household", householdId)
                    .param("bureau", a.bureau().name()).param("due", a.dueDate())
                    .update();
        }
        RiskAlertRaised alert = new RiskAlertRaised(alertId, householdId, divisionCode, fresh, explanation, now, assignments);
        outbox.append(Topics.MONITORING_RISK_ALERT, householdId.toString(), divisionCode, alert);
        // ids and bureaus only: a risk type (an illness) is health data
        log.info("Alert {} raised for household {}, naming {}", alertId, householdId,
                assignments.stream().map(a -> a.bureau().name()).toList());
        return Optional.of(alert);
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

    /**
     * The county did not confirm a household helped through the green channel: its early alerts
     * close as not confirmed (the help given stays on record) and the risks are no longer monitored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notConfirmed(UUID householdId, List<RiskType> riskTypes) {
        for (RiskType type : riskTypes) {
            jdbc.sql("""
                            update risk_alert set status = 'NOT_CONFIRMED', closed_at = now()
                            where id = (select alert_id from monitored_risk where household_id = :h and risk_type = :r)
                              and status = 'OPEN'""")
                    .param("h", householdId).param("r", type.name()).update();
            jdbc.sql("delete from monitored_risk where household_id = :h and risk_type = :r")
                    .param("h", householdId).param("r", type.name()).update();
        }
    }

    /** Keeps a bureau's signal as received, with what it led to; a redelivered signal is kept once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordSignal(RiskSignalObserved signal, String outcome) {
        outcome = clip(outcome, 2000);
        return jdbc.sql("""
                        insert into risk_signal (id, household_id, source_bureau, risk_type, description, figures,
                                                 parameter_version, observed_at, outcome)
                        values (:id, :household, :source, :risk, :description, :figures, :version, :observedAt, :outcome)
                        on conflict (id) do nothing""")
                .param("id", signal.signalId()).param("household", signal.householdId())
                .param("source", signal.source().name()).param("risk", signal.riskType().name())
                .param("description", signal.description()).param("figures", String.valueOf(signal.figures()))
                .param("version", signal.parameterVersion())
                .param("observedAt", java.sql.Timestamp.from(signal.observedAt())).param("outcome", outcome)
                .update() == 1;
    }

    /** Texts quoted into fixed-size columns are cut, never refused: a long clue must not stop an alert. */
    public static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public static String summaryOf(RiskSignalObserved signal) {
        String figures = signal.figures() == null ? "" : signal.figures().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(", ", "（", "）"));
        return signal.source().label() + "报告：" + (signal.description() == null ? "" : signal.description()) + figures
                + (signal.parameterVersion() == null ? "" : "，参数 " + signal.parameterVersion());
    }
}
