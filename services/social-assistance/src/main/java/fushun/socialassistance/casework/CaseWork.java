package fushun.socialassistance.casework;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases from alerts and serves the operators' queue within their jurisdiction. */
@Service
public class CaseWork {

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CaseWork(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records the alert; if it names civil affairs, opens one case for the household and alert and
     * acknowledges the assignment. The same alert twice (a redelivery, or a replay under a new
     * event id) opens nothing more: the case is unique per household and alert.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAlert(RiskAlertRaised alert) {
        String riskTypes = alert.riskTypes().stream().map(Enum::name).collect(Collectors.joining(","));
        boolean named = alert.names(Bureau.CIVIL_AFFAIRS);
        jdbc.sql("""
                        insert into received_alert (alert_id, household_id, division_code, risk_types, named)
                        values (:alert, :household, :division, :types, :named) on conflict (alert_id) do nothing""")
                .param("alert", alert.alertId()).param("household", alert.householdId())
                .param("division", alert.divisionCode()).param("types", riskTypes).param("named", named)
                .update();
        if (!named) {
            return;
        }
        RiskAlertRaised.Assignment assignment = alert.assignmentFor(Bureau.CIVIL_AFFAIRS);
        UUID caseId = UUID.randomUUID();
        int opened = jdbc.sql("""
                        insert into assistance_case (id, household_id, alert_id, assignment_id, division_code, risk_types,
                                                     explanation, status, due_date)
                        values (:id, :household, :alert, :assignment, :division, :types, :explanation, 'OPEN', :due)
                        on conflict (household_id, alert_id) do nothing""")
                .param("id", caseId).param("household", alert.householdId()).param("alert", alert.alertId())
                .param("assignment", assignment.assignmentId()).param("division", alert.divisionCode())
                .param("types", riskTypes).param("explanation", alert.explanation()).param("due", assignment.dueDate())
                .update();
        if (opened == 1) {
            outbox.append(Topics.SOCIAL_ASSISTANCE_MEASURE, alert.householdId().toString(), alert.divisionCode(),
                    new AssignmentAcknowledged(assignment.assignmentId(), alert.alertId(), alert.householdId(),
                            Bureau.CIVIL_AFFAIRS, caseId.toString(), clock.instant()));
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** The queue: newest first, optionally one status, limited to the caller's division. */
    public Page<AssistanceCase> queue(Jurisdiction jurisdiction, String status, int page, int size) {
        String filter = "division_code like :scope and (cast(:status as varchar) is null or status = :status)";
        long total = jdbc.sql("select count(*) from assistance_case where " + filter)
                .param("scope", jurisdiction.likePattern()).param("status", status)
                .query(Long.class).single();
        List<AssistanceCase> items = jdbc.sql("select * from assistance_case where " + filter
                        + " order by opened_at desc, id limit :size offset :offset")
                .param("scope", jurisdiction.likePattern()).param("status", status)
                .param("size", size).param("offset", (long) page * size)
                .query(AssistanceCase.class).list();
        return new Page<>(items, page, size, total);
    }

    /** One case; a case outside the caller's division is "not found", not "forbidden". */
    public AssistanceCase find(UUID caseId, Jurisdiction jurisdiction) {
        return jdbc.sql("select * from assistance_case where id = :id and division_code like :scope")
                .param("id", caseId).param("scope", jurisdiction.likePattern())
                .query(AssistanceCase.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该救助个案。"));
    }
}
