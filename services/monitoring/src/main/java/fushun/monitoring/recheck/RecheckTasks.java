package fushun.monitoring.recheck;

import fushun.monitoring.household.HouseholdDirectory;
import fushun.monitoring.household.HouseholdMoved;
import fushun.platform.web.Page;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.elimination.EliminationRequests;
import fushun.monitoring.household.HouseholdChanges;
import fushun.monitoring.recheck.RecheckSteps.Outcome;
import fushun.monitoring.recheck.RecheckSteps.Status;
import fushun.monitoring.recheck.RecheckSteps.Step;
import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a re-check task (village visit → township review → county confirmation), each
 * recorded with who, when and why, and the task lists of a division. The county's approval carries
 * out the outcome: monitoring goes on, the category changes, or the elimination procedure opens.
 */
@Service
public class RecheckTasks {

    /** What the village cadre found on the visit. */
    public record Visit(LocalDate visitedOn, BigDecimal perCapitaIncome, Outcome outcome, HouseholdCategory proposedCategory,
                        String note) {
    }

    private static final String SELECT = """
            select t.id, t.recheck_id, r.year, r.due_date, t.household_id, t.division_code,
                   t.category_at_open, t.status, t.visited_on, t.per_capita_income, t.outcome, t.proposed_category, t.note,
                   t.visited_by, t.elimination_id
            from recheck_task t join recheck r on r.id = t.recheck_id
            """;

    private final JdbcClient jdbc;
    private final Rechecks rechecks;
    private final HouseholdChanges householdChanges;
    private final EliminationRequests eliminations;
    private final HouseholdDirectory households;
    private final Clock clock;

    public RecheckTasks(JdbcClient jdbc, Rechecks rechecks, HouseholdChanges householdChanges,
                        EliminationRequests eliminations, HouseholdDirectory households, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.rechecks = rechecks;
        this.householdChanges = householdChanges;
        this.eliminations = eliminations;
        this.clock = clock;
    }

    /**
     * An open task follows a household that moved within the county to its new village's cadre; a
     * move to another county leaves it with the old county's re-check, where nobody can act on it now.
     */
    @EventListener
    public void on(HouseholdMoved moved) {
        if (moved.withinCounty()) {
            jdbc.sql("update recheck_task set division_code = :d where household_id = :h and status in ('TO_VISIT', 'VISITED', 'REVIEWED')")
                    .param("d", moved.toDivision()).param("h", moved.householdId()).update();
        } else {
            jdbc.sql("update recheck_task set status = 'MOVED_OUT' where household_id = :h and status in ('TO_VISIT', 'VISITED', 'REVIEWED')")
                    .param("h", moved.householdId()).update();
        }
    }

    /** The village cadre's visit; recorded again (the latest counts) until the township has reviewed. */
    @Transactional
    public RecheckTaskView visit(UUID id, Visit visit, String visitedBy, Set<String> roles, Jurisdiction jurisdiction) {
        RecheckTaskView task = lock(id, jurisdiction);
        refuseUnless(Step.VISIT, task, roles, jurisdiction);
        LocalDate today = PlatformTime.today(clock);
        if (visit.visitedOn().isAfter(today)) {
            throw new RuleViolationException("走访日期无效", "走访日期不能晚于今天（" + today + "）。");
        }
        RecheckSteps.outcomeRefusal(visit.outcome(), visit.proposedCategory(), HouseholdCategory.valueOf(task.category()))
                .ifPresent(why -> {
                    throw new RuleViolationException("走访结论无效", why);
                });
        Status next = RecheckSteps.next(Step.VISIT, task.status(), true);
        jdbc.sql("""
                        update recheck_task set status = :status, visited_on = :on, per_capita_income = :income, outcome = :outcome,
                            proposed_category = :proposed, note = :note, visited_by = :by where id = :id""")
                .param("status", next.name()).param("on", visit.visitedOn()).param("income", visit.perCapitaIncome())
                .param("outcome", visit.outcome().name())
                .param("proposed", visit.proposedCategory() == null ? null : visit.proposedCategory().name())
                .param("note", visit.note()).param("by", visitedBy).param("id", id).update();
        record(id, Step.VISIT, "RECORDED", visit.outcome(), visit.note(), visitedBy, jurisdiction);
        return find(id, jurisdiction);
    }

    /** The township's review: approval passes the visit on to the county, rejection sends it back to the village. */
    @Transactional
    public RecheckTaskView review(UUID id, boolean approve, String reason, String reviewedBy, Set<String> roles,
                                  Jurisdiction jurisdiction) {
        RecheckTaskView task = lock(id, jurisdiction);
        refuseUnless(Step.REVIEW, task, roles, jurisdiction);
        move(task, Step.REVIEW, approve, reason, reviewedBy, jurisdiction, null);
        return find(id, jurisdiction);
    }

    /**
     * The county's confirmation. Approval closes the task with its outcome carried out; a category
     * or elimination the rules no longer allow refuses the confirmation and changes nothing.
     * Rejection sends the task back to the township.
     */
    @Transactional
    public RecheckTaskView confirm(UUID id, boolean approve, String reason, String confirmedBy, Set<String> roles,
                                   Jurisdiction jurisdiction) {
        RecheckTaskView task = lock(id, jurisdiction);
        refuseUnless(Step.CONFIRMATION, task, roles, jurisdiction);
        UUID elimination = null;
        if (approve) {
            switch (task.outcome()) {
                case STILL_AT_RISK -> {
                    // monitoring goes on as it is
                }
                case PROPOSE_CATEGORY_CHANGE -> {
                    HouseholdCategory proposed = HouseholdCategory.valueOf(task.proposedCategory());
                    RecheckSteps.outcomeRefusal(task.outcome(), proposed, HouseholdCategory.valueOf(task.category()))
                            .ifPresent(why -> {
                                throw new RuleViolationException("不能调整监测类别", why);
                            });
                    householdChanges.categoryConfirmed(task.householdId(), proposed, confirmedBy);
                }
                case PROPOSE_ELIMINATION -> elimination = eliminations.propose(task.householdId(), task.divisionCode(),
                        task.year() + " 年度动态调整建议风险消除：" + reason);
            }
        }
        move(task, Step.CONFIRMATION, approve, reason, confirmedBy, jurisdiction, elimination);
        return find(id, jurisdiction);
    }

    private void move(RecheckTaskView task, Step step, boolean approve, String reason, String decidedBy,
                      Jurisdiction jurisdiction, UUID elimination) {
        Status next = RecheckSteps.next(step, task.status(), approve);
        jdbc.sql("""
                        update recheck_task set status = :status, confirmed_at = :confirmed,
                            elimination_id = coalesce(:elimination, elimination_id) where id = :id""")
                .param("status", next.name())
                .param("confirmed", next == Status.CONFIRMED ? Timestamp.from(clock.instant()) : null)
                .param("elimination", elimination).param("id", task.id()).update();
        record(task.id(), step, approve ? "APPROVE" : "REJECT", task.outcome(), reason, decidedBy, jurisdiction);
    }

    private void record(UUID taskId, Step step, String decision, Outcome outcome, String reason, String decidedBy,
                        Jurisdiction jurisdiction) {
        jdbc.sql("""
                        insert into recheck_decision (task_id, step, decision, outcome, reason, decided_by, decided_division, decided_at)
                        values (:task, :step, :decision, :outcome, :reason, :by, :division, :at)""")
                .param("task", taskId).param("step", step.name()).param("decision", decision)
                .param("outcome", outcome == null ? null : outcome.name()).param("reason", reason).param("by", decidedBy)
                .param("division", jurisdiction.divisionCode()).param("at", Timestamp.from(clock.instant())).update();
    }

    private static void refuseUnless(Step step, RecheckTaskView task, Set<String> roles, Jurisdiction jurisdiction) {
        RecheckSteps.refusal(step, task.status(), roles, jurisdiction, task.divisionCode()).ifPresent(why -> {
            throw new RuleViolationException("不能办理此环节", why);
        });
    }

    /**
     * Tasks of a re-check inside the caller's division, optionally of one status, of a division
     * below it, or only those still open past the due date; by division.
     */
    public Page<RecheckTaskView> list(UUID recheckId, Status status, String divisionPrefix, boolean overdueOnly,
                                      Jurisdiction jurisdiction, int page, int size) {
        RecheckView recheck = rechecks.find(recheckId, jurisdiction);
        boolean pastDue = PlatformTime.today(clock).isAfter(recheck.dueDate());
        String where = """
                where t.recheck_id = :r and t.division_code like :scope and t.division_code like :division
                  and (cast(:status as varchar) is null or t.status = :status)
                  and (not :overdueOnly or (:pastDue and t.status not in ('CONFIRMED', 'MOVED_OUT')))""";
        long total = jdbc.sql("select count(*) from recheck_task t " + where)
                .param("r", recheckId).param("scope", jurisdiction.likePattern())
                .param("division", divisionPrefix == null ? "%" : divisionPrefix + "%")
                .param("status", status == null ? null : status.name()).param("overdueOnly", overdueOnly)
                .param("pastDue", pastDue).query(Long.class).single();
        LocalDate today = PlatformTime.today(clock);
        List<RecheckTaskView> items = jdbc.sql(SELECT + where + " order by t.division_code, t.id limit :size offset :offset")
                .param("r", recheckId).param("scope", jurisdiction.likePattern())
                .param("division", divisionPrefix == null ? "%" : divisionPrefix + "%")
                .param("status", status == null ? null : status.name()).param("overdueOnly", overdueOnly)
                .param("pastDue", pastDue).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> view(rs, today, List.of())).list();
        return new Page<>(withHouseholds(items), page, size, total);
    }

    /** One task with its decisions; outside the caller's division it answers 404. */
    public RecheckTaskView find(UUID id, Jurisdiction jurisdiction) {
        return one(id, jurisdiction, false);
    }

    private RecheckTaskView lock(UUID id, Jurisdiction jurisdiction) {
        return one(id, jurisdiction, true);
    }

    private RecheckTaskView one(UUID id, Jurisdiction jurisdiction, boolean forUpdate) {
        LocalDate today = PlatformTime.today(clock);
        List<RecheckTaskView.Decision> decisions = forUpdate ? List.of() : jdbc.sql("""
                        select step, decision, outcome, reason, decided_by, decided_division, decided_at
                        from recheck_decision where task_id = :id order by decided_at, id""")
                .param("id", id)
                .query((rs, n) -> new RecheckTaskView.Decision(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
        RecheckTaskView task = jdbc.sql(SELECT + " where t.id = :id and t.division_code like :scope" + (forUpdate ? " for update of t" : ""))
                .param("id", id).param("scope", jurisdiction.likePattern())
                .query((rs, n) -> view(rs, today, decisions)).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该动态调整任务。"));
        return withHouseholds(List.of(task)).get(0);
    }

    /** The tasks with their households' head and category now, looked up for all of them in one query. */
    private List<RecheckTaskView> withHouseholds(List<RecheckTaskView> tasks) {
        Map<UUID, HouseholdDirectory.Entry> byId = households.byIds(tasks.stream().map(RecheckTaskView::householdId).toList());
        return tasks.stream().map(t -> {
            HouseholdDirectory.Entry h = byId.get(t.householdId());
            return new RecheckTaskView(t.id(), t.recheckId(), t.year(), t.householdId(), t.divisionCode(),
                    h == null ? null : h.headName(), h == null ? null : h.category(), t.categoryAtOpen(), t.status(),
                    t.statusLabel(), t.dueDate(), t.overdue(), t.visitedOn(), t.perCapitaIncome(), t.outcome(),
                    t.proposedCategory(), t.note(), t.visitedBy(), t.eliminationId(), t.decisions());
        }).toList();
    }

    /** The task's own columns; the household's head and category come from {@link #withHouseholds}. */
    private static RecheckTaskView view(ResultSet rs, LocalDate today, List<RecheckTaskView.Decision> decisions)
            throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        String outcome = rs.getString("outcome");
        return new RecheckTaskView(rs.getObject("id", UUID.class), rs.getObject("recheck_id", UUID.class), rs.getInt("year"),
                rs.getObject("household_id", UUID.class), rs.getString("division_code"), null, null,
                rs.getString("category_at_open"), status, status.label(), due,
                status.isOpen() && today.isAfter(due), rs.getObject("visited_on", LocalDate.class),
                rs.getBigDecimal("per_capita_income"), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("proposed_category"), rs.getString("note"), rs.getString("visited_by"),
                rs.getObject("elimination_id", UUID.class), decisions);
    }
}
