package fushun.medicalinsurance.alert;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.medicalinsurance.cover.CoverRegister;
import fushun.platform.outbox.OutboxWriter;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every alert; for one that names medical insurance, acknowledges the assignment and
 * tilts the household's cover from the alert's decision date (reported back as the measure).
 */
@Service
public class AlertReactions {

    private final JdbcClient jdbc;
    private final CoverRegister cover;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AlertReactions(JdbcClient jdbc, CoverRegister cover, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.cover = cover;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onAlert(RiskAlertRaised alert) {
        boolean named = alert.names(Bureau.MEDICAL_INSURANCE);
        RiskAlertRaised.Assignment assignment = named ? alert.assignmentFor(Bureau.MEDICAL_INSURANCE) : null;
        int inserted = jdbc.sql("""
                        insert into received_alert (alert_id, household_id, division_code, risk_types, named, assignment_id, due_date)
                        values (:alert, :household, :division, :types, :named, :assignment, :due)
                        on conflict (alert_id) do nothing""")
                .param("alert", alert.alertId()).param("household", alert.householdId())
                .param("division", alert.divisionCode())
                .param("types", alert.riskTypes().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("named", named).param("assignment", assignment == null ? null : assignment.assignmentId())
                .param("due", assignment == null ? null : assignment.dueDate())
                .update();
        if (inserted == 1 && named) {
            outbox.append(Topics.MEDICAL_INSURANCE_MEASURE, alert.householdId().toString(), alert.divisionCode(),
                    new AssignmentAcknowledged(assignment.assignmentId(), alert.alertId(), alert.householdId(),
                            Bureau.MEDICAL_INSURANCE, "MI-" + alert.alertId().toString().substring(0, 8), clock.instant()));
            cover.onNamedAlert(alert);
        }
    }
}
