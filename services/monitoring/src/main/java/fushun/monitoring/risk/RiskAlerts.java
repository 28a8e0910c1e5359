package fushun.monitoring.risk;

import static fushun.platform.PlatformTime.CHINA;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.monitoring.assignment.Assignments;
import fushun.monitoring.household.HouseholdMoved;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.platform.metrics.AfterCommit;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Alerts and their assignments (who must help with what by when), and the bureaus' answers. */
@Service
public class RiskAlerts {

    private static final Logger log = LoggerFactory.getLogger(RiskAlerts.class);

    public static final String RAISED = "monitoring.risk.alerts.raised";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final ResponsibilityMatrix responsibilities;
    private final Assignments assignments;
    private final HouseholdRegistry households;
    private final Clock clock;
    /** {@code monitoring_risk_alerts_raised_total{risk_type}}: each alert counts once per risk type it raises. */
    private final Map<RiskType, Counter> raised = new EnumMap<>(RiskType.class);

    public RiskAlerts(JdbcClient jdbc, OutboxWriter outbox, ResponsibilityMatrix responsibilities, Assignments assignments,
                      HouseholdRegistry households, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (RiskType type : RiskType.values()) {
            raised.put(type, Counter.builder(RAISED).tag("risk_type", type.name())
                    .description("risk alerts raised, once per risk type of the alert").register(registry));
        }
        this.assignments = assignments;
        this.households = households;
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
        this.assignments.open(alertId, householdId, divisionCode, assignments);
        RiskAlertRaised alert = new RiskAlertRaised(alertId, householdId, divisionCode, fresh, explanation, now, assignments);
        outbox.append(Topics.MONITORING_RISK_ALERT, householdId.toString(), divisionCode, alert);
        AfterCommit.run(() -> fresh.forEach(type -> raised.get(type).increment()));
        // ids and bureaus only: a risk type (an illness) is health data
        log.info("Alert {} raised for household {}, naming {}", alertId, householdId,
                assignments.stream().map(a -> a.bureau().name()).toList());
        return Optional.of(alert);
    }

    /** The alerts follow a household that moved: the new area's staff take them over. */
    @EventListener
    public void on(HouseholdMoved moved) {
        jdbc.sql("update risk_alert set division_code = :d where household_id = :h")
                .param("d", moved.toDivision()).param("h", moved.householdId()).update();
    }

    /** A household's alerts with their assignments, newest first, within the caller's jurisdiction. */
    public List<AlertView> alertsOf(UUID householdId, Jurisdiction jurisdiction) {
        households.divisionOf(householdId, jurisdiction);
        Map<UUID, List<AlertView.AssignmentView>> assignments = this.assignments.ofHousehold(householdId).stream()
                .collect(Collectors.groupingBy(Assignments.AlertAssignment::alertId, Collectors.mapping(
                        a -> new AlertView.AssignmentView(a.id(), a.bureau(), a.dueDate(), a.status(), a.caseReference(),
                                a.acknowledgedAt()), Collectors.toList())));
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

    /** The risk types bureaus and cadres signalled for the household in {@code [from, to)}, by name. */
    public List<RiskType> signalledBetween(UUID householdId, Instant from, Instant to) {
        return jdbc.sql("""
                        select distinct risk_type from risk_signal
                        where household_id = :h and observed_at >= :from and observed_at < :to order by risk_type""")
                .param("h", householdId).param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query((rs, n) -> RiskType.valueOf(rs.getString(1))).list();
    }

    /** The household's open alerts, what the elimination check asks about. */
    public record OpenAlerts(List<UUID> ids, Instant since) {
    }

    /** The household's open alerts and when the earliest was raised ({@code null} if none is open). */
    public OpenAlerts openAlerts(UUID householdId) {
        List<Map.Entry<UUID, Instant>> open = jdbc.sql("select id, raised_at from risk_alert where household_id = :h and status = 'OPEN'")
                .param("h", householdId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
        return new OpenAlerts(open.stream().map(Map.Entry::getKey).toList(),
                open.stream().map(Map.Entry::getValue).min(Instant::compareTo).orElse(null));
    }

    /** The risk types the household is monitored for now, by name (the order the procedures record them in). */
    public List<RiskType> monitoredRisksByName(UUID householdId) {
        return jdbc.sql("select risk_type from monitored_risk where household_id = :h order by risk_type")
                .param("h", householdId).query((rs, n) -> RiskType.valueOf(rs.getString(1))).list();
    }

    /**
     * The county confirmed the household's risks eliminated by {@code identificationId}: its open
     * alerts close as eliminated and no risk is monitored any more. Returns the risks that were.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RiskType> eliminated(UUID householdId, UUID identificationId, Instant at) {
        List<RiskType> types = monitoredRisksByName(householdId);
        jdbc.sql("""
                        update risk_alert set status = 'ELIMINATED', eliminated_by = :identification, closed_at = :at
                        where household_id = :h and status = 'OPEN'""")
                .param("identification", identificationId).param("at", java.sql.Timestamp.from(at)).param("h", householdId)
                .update();
        jdbc.sql("delete from monitored_risk where household_id = :h").param("h", householdId).update();
        return types;
    }

    /** The elimination taken back: which one, and the risks monitored again. */
    public record Reopened(UUID eliminatedBy, List<RiskType> riskTypes) {
    }

    /**
     * Takes back the household's latest elimination: its alerts are open again and the risks
     * monitored again (a risk alerted anew in between stays with its new alert). Empty if none.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Reopened> reopenLatestElimination(UUID householdId) {
        UUID latest = jdbc.sql("""
                        select eliminated_by from risk_alert where household_id = :h and status = 'ELIMINATED'
                        order by closed_at desc limit 1""")
                .param("h", householdId).query(UUID.class).optional().orElse(null);
        if (latest == null) {
            return Optional.empty();
        }
        List<Map.Entry<UUID, String>> alerts = jdbc.sql(
                        "select id, risk_types from risk_alert where household_id = :h and eliminated_by = :e")
                .param("h", householdId).param("e", latest)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list();
        // the alerts keep eliminated_by: the elimination and its rollback both stay on record
        jdbc.sql("update risk_alert set status = 'OPEN', closed_at = null where eliminated_by = :e and status = 'ELIMINATED'")
                .param("e", latest).update();
        List<RiskType> types = new java.util.ArrayList<>();
        for (Map.Entry<UUID, String> alert : alerts) {
            for (String type : alert.getValue().split(",")) {
                types.add(RiskType.valueOf(type));
                jdbc.sql("insert into monitored_risk (household_id, risk_type, alert_id) values (:h, :r, :a) on conflict do nothing")
                        .param("h", householdId).param("r", type).param("a", alert.getKey()).update();
            }
        }
        return Optional.of(new Reopened(latest, types));
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
