package fushun.assetmanagement.alert;

import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
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

    public record ReceivedAlert(UUID alertId, UUID householdId, String divisionCode, String riskTypes,
                                String explanation, boolean named, UUID assignmentId, LocalDate dueDate, String status,
                                Instant receivedAt) {
    }

    private final JdbcClient jdbc;

    public ReceivedAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the alert once. No bureau's assignment is this service's: it keeps alerts so that
     * income distribution can serve monitored households first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAlert(RiskAlertRaised alert) {
        jdbc.sql("""
                        insert into received_alert (alert_id, household_id, division_code, risk_types, explanation, named,
                                                    assignment_id, due_date, status)
                        values (:alert, :household, :division, :types, :explanation, false, null, null, 'NOTED')
                        on conflict (alert_id) do nothing""")
                .param("alert", alert.alertId()).param("household", alert.householdId())
                .param("division", alert.divisionCode())
                .param("types", alert.riskTypes().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("explanation", alert.explanation())
                .update();
    }

    /** The alerts in the caller's division, newest first; {@code namedOnly} keeps none here: no assignment names this service. */
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
