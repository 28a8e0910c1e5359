package fushun.housingsafety.appraisal;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.housingsafety.household.Households;
import fushun.platform.alert.AlertReaction;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appraisal tasks (鉴定任务): an alert that names this bureau for unsafe housing asks for the house
 * to be appraised, by the assignment's due date, unless its renovation is under way already. The
 * next appraisal of the house answers every open task; those its renovation does not answer are
 * closed with the reason.
 */
@Service
public class AppraisalTasks implements AlertReaction {

    public record Task(UUID id, UUID householdId, String divisionCode, UUID alertId, LocalDate dueDate, String status,
                       Instant openedAt) {
    }

    /** An open task, with the alert and assignment it answers. */
    record TaskRef(UUID id, UUID alertId, UUID assignmentId) {
    }

    private final JdbcClient jdbc;
    private final Households households;
    private final Renovations renovations;
    private final OutboxWriter outbox;
    private final Clock clock;

    AppraisalTasks(JdbcClient jdbc, Households households, Renovations renovations, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.renovations = renovations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * An alert that names this bureau for unsafe housing opens one appraisal task, due with the
     * assignment; if the house was appraised and its renovation is under way, that renovation answers
     * the alert instead (its start and completion become the assignment's measures). This service's
     * reaction to an alert naming 住建局: once per alert, after the platform's intake acknowledged it.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void onAssigned(RiskAlertRaised alert, RiskAlertRaised.Assignment assignment) {
        if (!alert.riskTypes().contains(RiskType.UNSAFE_HOUSING)) {
            return;
        }
        // takes turns with appraisals of the same household (they lock its row too)
        households.lock(alert.householdId());
        // appraised already (often the reason for the alert: our own signal): the renovation under way answers it
        if (renovations.answer(alert.householdId(), alert.alertId(), assignment.assignmentId())) {
            return;
        }
        jdbc.sql("""
                        insert into appraisal_task (id, household_id, division_code, alert_id, assignment_id, due_date, status)
                        values (:id, :h, :d, :a, :s, :due, 'OPEN') on conflict (alert_id) do nothing""")
                .param("id", UUID.randomUUID()).param("h", alert.householdId()).param("d", alert.divisionCode())
                .param("a", alert.alertId()).param("s", assignment.assignmentId()).param("due", assignment.dueDate())
                .update();
    }

    /** The household's open tasks, oldest first (the household's row is locked by the caller). */
    List<TaskRef> open(UUID householdId) {
        return jdbc.sql("""
                        select id, alert_id, assignment_id from appraisal_task where household_id = :h and status = 'OPEN'
                        order by opened_at""")
                .param("h", householdId).query(TaskRef.class).list();
    }

    /** An appraisal answered the household's open tasks. */
    void done(UUID householdId) {
        jdbc.sql("update appraisal_task set status = 'DONE' where household_id = :h and status = 'OPEN'")
                .param("h", householdId).update();
    }

    /** Closes the assignments of tasks that no renovation answers, saying why. */
    void close(Households.Household household, List<TaskRef> tasks, String outcome) {
        for (TaskRef task : tasks) {
            outbox.append(Topics.HOUSING_SAFETY_MEASURE, household.householdId().toString(), household.divisionCode(),
                    new CaseClosed(task.assignmentId(), task.alertId(), household.householdId(), Bureau.HOUSING, outcome,
                            clock.instant()));
        }
    }

    /** The appraisal tasks in the caller's division, soonest due first. */
    public Page<Task> tasks(Jurisdiction jurisdiction, String status, int page, int size) {
        String where = " from appraisal_task where division_code like :scope"
                + " and (cast(:status as varchar) is null or status = :status)";
        long total = jdbc.sql("select count(*)" + where)
                .param("scope", jurisdiction.likePattern()).param("status", status).query(Long.class).single();
        List<Task> items = jdbc.sql("select id, household_id, division_code, alert_id, due_date, status, opened_at"
                        + where + " order by due_date, opened_at, id limit :size offset :offset")
                .param("scope", jurisdiction.likePattern()).param("status", status)
                .param("size", size).param("offset", (long) page * size).query(Task.class).list();
        return new Page<>(items, page, size, total);
    }
}
