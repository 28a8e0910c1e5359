package fushun.housingsafety.alert;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.housingsafety.appraisal.Appraisals;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReceivedAlerts {

    /** This service answers for the housing and construction bureau (住建局). */
    static final Bureau BUREAU = Bureau.HOUSING;

    public record ReceivedAlert(UUID alertId, UUID householdId, String divisionCode, String riskTypes,
                                String explanation, boolean named, UUID assignmentId, LocalDate dueDate, String status,
                                Instant receivedAt) {
    }

    private final JdbcClient jdbc;
    private final Appraisals appraisals;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ReceivedAlerts(JdbcClient jdbc, Appraisals appraisals, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.appraisals = appraisals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the alert once; acknowledges it if it names this bureau. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAlert(RiskAlertRaised alert) {
        boolean named = alert.names(BUREAU);
        RiskAlertRaised.Assignment assignment = named ? alert.assignmentFor(BUREAU) : null;
        int inserted = jdbc.sql("""
                        insert into received_alert (alert_id, household_id, division_code, risk_types, explanation, named,
                                                    assignment_id, due_date, status)
                        values (:alert, :household, :division, :types, :explanation, :named, :assignment, :due, :status)
                        on conflict (alert_id) do nothing""")
                .param("alert", alert.alertId()).param("household", alert.householdId())
                .param("division", alert.divisionCode())
                .param("types", alert.riskTypes().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("explanation", alert.explanation()).param("named", named)
                .param("assignment", named ? assignment.assignmentId() : null)
                .param("due", named ? assignment.dueDate() : null)
                .param("status", named ? "ACKNOWLEDGED" : "NOTED")
                .update();
        if (inserted == 1 && named) {
            outbox.append(Topics.HOUSING_SAFETY_MEASURE, alert.householdId().toString(), alert.divisionCode(),
                    new AssignmentAcknowledged(assignment.assignmentId(), alert.alertId(), alert.householdId(), BUREAU,
                            "HS-" + alert.alertId().toString().substring(0, 8), clock.instant()));
            appraisals.onNamedAlert(alert, assignment);
        }
    }

    /** The alerts in the caller's division, newest first; {@code namedOnly} keeps this bureau's assignments. */
    public Page<ReceivedAlert> list(Jurisdiction jurisdiction, boolean namedOnly, int page, int size) {
        long total = jdbc.sql("""
                        select count(*) from received_alert
                        where division_code like :scope and (named or not :namedOnly)""")
                .param("scope", jurisdiction.likePattern()).param("namedOnly", namedOnly).query(Long.class).single();
        List<ReceivedAlert> items = jdbc.sql("""
                        select alert_id, household_id, division_code, risk_types, explanation, named, assignment_id,
                               due_date, status, received_at
                        from received_alert where division_code like :scope and (named or not :namedOnly)
                        order by received_at desc, alert_id limit :size offset :offset""")
                .param("scope", jurisdiction.likePattern()).param("namedOnly", namedOnly)
                .param("size", size).param("offset", (long) page * size)
                .query(ReceivedAlert.class).list();
        return new Page<>(items, page, size, total);
    }
}
