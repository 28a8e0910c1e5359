package fushun.housingsafety.appraisal;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.housingsafety.household.Households;
import fushun.platform.alert.AlertReaction;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.security.DivisionCodes;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.ForbiddenException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Housing safety's work: appraisal tasks from alerts, appraisals graded A–D, renovations for
 * low-income households' C and D houses (repair for C, rebuild for D) with their subsidy, and the
 * yearly screening of every low-income household of a county. A C or D house is signalled to
 * monitoring whether an alert asked for it or not; starting and completing a renovation are the
 * measures for the assignment, and a completion (or an A/B appraisal) closes it. Four eyes (职责分离):
 * whoever appraised the house or started the work does not accept it, since the subsidy is paid on
 * the acceptance.
 */
@Service
public class Appraisals implements AlertReaction {

    private static final Logger log = LoggerFactory.getLogger(Appraisals.class);

    public record NewAppraisal(UUID householdId, String grade, String inspector, LocalDate appraisedOn, String findings) {
    }

    public record Appraisal(UUID id, UUID householdId, String divisionCode, String grade, String inspector,
                            LocalDate appraisedOn, String findings, Instant recordedAt) {
    }

    public record Task(UUID id, UUID householdId, String divisionCode, UUID alertId, LocalDate dueDate, String status,
                       Instant openedAt) {
    }

    /** A renovation; appraisedBy, startedBy and completedBy are the usernames of who took each step. */
    public record Renovation(UUID id, UUID householdId, String divisionCode, UUID appraisalId, String kind,
                             BigDecimal subsidy, String parameterVersion, String status, LocalDate startedOn,
                             LocalDate completedOn, String completionGrade, String appraisedBy, String startedBy,
                             String completedBy) {
    }

    /** One low-income household in the year's screening: its latest appraisal of the year, if any. */
    public record ScreeningLine(UUID householdId, String divisionCode, String headName, String grade, LocalDate appraisedOn) {
    }

    /** The year's screening: the counts over the whole county, and one page of its households ({@code total} of them). */
    public record Screening(String county, int year, long households, long done, long left, List<ScreeningLine> items,
                            int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final Households households;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;

    public Appraisals(JdbcClient jdbc, Households households, PolicyParameters parameters, OutboxWriter outbox,
                      Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.parameters = parameters;
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
        jdbc.sql("select 1 from household where household_id = :h for update").param("h", alert.householdId())
                .query((rs, n) -> 1).list();
        // appraised already (often the reason for the alert: our own signal): the renovation under way answers it
        Optional<Renovation> underWay = jdbc.sql("""
                        select * from renovation where household_id = :h and status in ('PLANNED', 'STARTED')
                          and assignment_id is null for update""")
                .param("h", alert.householdId()).query(Renovation.class).optional();
        if (underWay.isPresent()) {
            jdbc.sql("update renovation set alert_id = :a, assignment_id = :s where id = :id")
                    .param("a", alert.alertId()).param("s", assignment.assignmentId()).param("id", underWay.get().id())
                    .update();
            if (underWay.get().status().equals("STARTED")) {
                measure(underWay.get().id(), "RENOVATION_STARTED", "危房改造已开工，补助 "
                        + underWay.get().subsidy().stripTrailingZeros().toPlainString() + " 元", underWay.get().subsidy(),
                        underWay.get().startedOn());
            }
            return;
        }
        jdbc.sql("""
                        insert into appraisal_task (id, household_id, division_code, alert_id, assignment_id, due_date, status)
                        values (:id, :h, :d, :a, :s, :due, 'OPEN') on conflict (alert_id) do nothing""")
                .param("id", UUID.randomUUID()).param("h", alert.householdId()).param("d", alert.divisionCode())
                .param("a", alert.alertId()).param("s", assignment.assignmentId()).param("due", assignment.dueDate())
                .update();
    }

    /**
     * Records an appraisal. It answers the household's open tasks. C or D: a signal to monitoring,
     * and for a low-income household a renovation with its subsidy (unless one is under way). A or B
     * answering a task closes its assignment: the house is safe.
     */
    @Transactional
    public Appraisal record(NewAppraisal request, String by, Jurisdiction jurisdiction) {
        Households.Household household = households.find(request.householdId(), jurisdiction);
        jdbc.sql("select 1 from household where household_id = :h for update").param("h", household.householdId())
                .query((rs, n) -> 1).list();
        List<TaskRef> tasks = jdbc.sql("""
                        select id, alert_id, assignment_id from appraisal_task where household_id = :h and status = 'OPEN'
                        order by opened_at""")
                .param("h", household.householdId()).query(TaskRef.class).list();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into appraisal (id, household_id, division_code, task_id, grade, inspector, appraised_on,
                                               findings, recorded_by)
                        values (:id, :h, :d, :task, :grade, :inspector, :on, :findings, :by)""")
                .param("id", id).param("h", household.householdId()).param("d", household.divisionCode())
                .param("task", tasks.isEmpty() ? null : tasks.get(0).id()).param("grade", request.grade())
                .param("inspector", request.inspector()).param("on", request.appraisedOn())
                .param("findings", request.findings()).param("by", by).update();
        jdbc.sql("update appraisal_task set status = 'DONE' where household_id = :h and status = 'OPEN'")
                .param("h", household.householdId()).update();
        HouseGrade grade = HouseGrade.of(request.grade());
        AppraisalDecision decision = AppraisalDecision.of(grade, household.lowIncome(), household.notEntitledToPolicy());
        if (decision.unsafe()) {
            outbox.append(Topics.HOUSING_SAFETY_SIGNAL, household.householdId().toString(), household.divisionCode(),
                    new RiskSignalObserved(UUID.randomUUID(), household.householdId(), Bureau.HOUSING,
                            RiskType.UNSAFE_HOUSING, decision.signal(), Map.of("grade", grade.measure()), null,
                            clock.instant()));
        }
        // every open task gets its answer: the renovation (one), or a closing that says why
        List<TaskRef> unanswered = new java.util.ArrayList<>(tasks);
        if (decision.renovation().isPresent()) {
            UUID renovationId = openRenovation(household, id, decision.renovation().get(), request.appraisedOn(), by);
            boolean linked = jdbc.sql("select assignment_id is not null from renovation where id = :r")
                    .param("r", renovationId).query(Boolean.class).single();
            if (!linked && !unanswered.isEmpty()) {
                TaskRef first = unanswered.remove(0);
                jdbc.sql("update renovation set alert_id = :a, assignment_id = :s where id = :r")
                        .param("a", first.alertId()).param("s", first.assignmentId()).param("r", renovationId).update();
            }
        }
        close(household, unanswered, decision.closing());
        return appraisal(id);
    }

    private record TaskRef(UUID id, UUID alertId, UUID assignmentId) {
    }

    private void close(Households.Household household, List<TaskRef> tasks, String outcome) {
        for (TaskRef task : tasks) {
            outbox.append(Topics.HOUSING_SAFETY_MEASURE, household.householdId().toString(), household.divisionCode(),
                    new CaseClosed(task.assignmentId(), task.alertId(), household.householdId(), Bureau.HOUSING, outcome,
                            clock.instant()));
        }
    }

    /**
     * The household's renovation under way, or a new one for this appraisal (repair for C, rebuild for
     * D), with its appraiser on record.
     */
    private UUID openRenovation(Households.Household household, UUID appraisalId, RenovationKind kind, LocalDate on,
                                String appraisedBy) {
        Optional<UUID> underWay = jdbc.sql("""
                        select id from renovation where household_id = :h and status in ('PLANNED', 'STARTED')""")
                .param("h", household.householdId()).query(UUID.class).optional();
        if (underWay.isPresent()) {
            return underWay.get();
        }
        RenovationKind.Subsidy subsidy = kind.subsidy(parameters.required(kind.subsidyParameter(),
                DivisionCodes.countyOf(household.divisionCode()), on));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into renovation (id, household_id, division_code, appraisal_id, kind, subsidy, parameter_version,
                                                status, appraised_by)
                        values (:id, :h, :d, :a, :kind, :subsidy, :version, 'PLANNED', :by)""")
                .param("id", id).param("h", household.householdId()).param("d", household.divisionCode())
                .param("a", appraisalId).param("kind", kind.name()).param("subsidy", subsidy.amount())
                .param("version", subsidy.parameterVersion()).param("by", appraisedBy).update();
        return id;
    }

    /** Work begins, recorded by {@code by}: the measure for the assignment, if an alert asked for it. */
    @Transactional
    public Renovation start(UUID renovationId, LocalDate startedOn, String by, Jurisdiction jurisdiction) {
        Renovation renovation = lockedRenovation(renovationId, jurisdiction);
        RenovationSteps.toStart(RenovationSteps.Status.valueOf(renovation.status())).ifPresent(Appraisals::refuse);
        jdbc.sql("update renovation set status = 'STARTED', started_on = :on, started_by = :by where id = :id")
                .param("on", startedOn).param("by", by).param("id", renovationId).update();
        measure(renovationId, "RENOVATION_STARTED",
                RenovationKind.valueOf(renovation.kind()).startedMeasure(renovation.subsidy()), renovation.subsidy(), startedOn);
        return renovation(renovationId, jurisdiction);
    }

    /**
     * Work done and inspected: the house must now be safe (A or B), recorded as an appraisal; the
     * completion is the measure and closes the assignment. Accepted by someone who neither appraised
     * the house nor started the work (read under the renovation's row lock, as the start writes them).
     */
    @Transactional
    public Renovation complete(UUID renovationId, LocalDate completedOn, String inspector, String grade, String by,
                               Jurisdiction jurisdiction) {
        Renovation renovation = lockedRenovation(renovationId, jurisdiction);
        RenovationSteps.toComplete(RenovationSteps.Status.valueOf(renovation.status()), renovation.appraisedBy(),
                renovation.startedBy(), renovation.startedOn(), by, HouseGrade.of(grade), completedOn)
                .ifPresent(Appraisals::refuse);
        jdbc.sql("""
                        update renovation set status = 'COMPLETED', completed_on = :on, completion_grade = :grade,
                            completion_inspector = :inspector, completed_by = :by where id = :id""")
                .param("on", completedOn).param("grade", grade).param("inspector", inspector).param("by", by)
                .param("id", renovationId).update();
        jdbc.sql("""
                        insert into appraisal (id, household_id, division_code, grade, inspector, appraised_on, findings, recorded_by)
                        values (:id, :h, :d, :grade, :inspector, :on, '竣工验收', :by)""")
                .param("id", UUID.randomUUID()).param("h", renovation.householdId()).param("d", renovation.divisionCode())
                .param("grade", grade).param("inspector", inspector).param("on", completedOn).param("by", by).update();
        measure(renovationId, "RENOVATION_COMPLETED", "危房改造竣工，验收为" + grade + "级", renovation.subsidy(), completedOn);
        link(renovationId).ifPresent(l -> outbox.append(Topics.HOUSING_SAFETY_MEASURE, renovation.householdId().toString(),
                renovation.divisionCode(), new CaseClosed(l.assignmentId(), l.alertId(), renovation.householdId(),
                        Bureau.HOUSING, AppraisalDecision.completed(HouseGrade.of(grade)), clock.instant())));
        return renovation(renovationId, jurisdiction);
    }

    private static void refuse(RenovationSteps.Refusal refusal) {
        if (refusal.forbidden()) {
            log.warn("Separation of duties refused a renovation's acceptance: {}", refusal.detail());
            throw new ForbiddenException(refusal.title(), refusal.detail());
        }
        throw new RuleViolationException(refusal.title(), refusal.detail());
    }

    private record Link(UUID alertId, UUID assignmentId) {
    }

    private Optional<Link> link(UUID renovationId) {
        return jdbc.sql("select alert_id, assignment_id from renovation where id = :id and assignment_id is not null")
                .param("id", renovationId).query(Link.class).optional();
    }

    private void measure(UUID renovationId, String code, String description, BigDecimal amount, LocalDate on) {
        Renovation r = jdbc.sql("select * from renovation where id = :id").param("id", renovationId)
                .query(Renovation.class).single();
        link(renovationId).ifPresent(l -> outbox.append(Topics.HOUSING_SAFETY_MEASURE, r.householdId().toString(),
                r.divisionCode(), new MeasureApplied(UUID.randomUUID(), l.assignmentId(), l.alertId(), r.householdId(),
                        Bureau.HOUSING, code, description, amount, on, clock.instant())));
    }

    private Renovation lockedRenovation(UUID renovationId, Jurisdiction jurisdiction) {
        return jdbc.sql("select * from renovation where id = :id and division_code like :scope for update")
                .param("id", renovationId).param("scope", jurisdiction.likePattern()).query(Renovation.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该危房改造项目。"));
    }

    public Renovation renovation(UUID renovationId, Jurisdiction jurisdiction) {
        return jdbc.sql("select * from renovation where id = :id and division_code like :scope")
                .param("id", renovationId).param("scope", jurisdiction.likePattern()).query(Renovation.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该危房改造项目。"));
    }

    /** The renovations in the caller's division, newest first. */
    public Page<Renovation> renovations(Jurisdiction jurisdiction, String status, int page, int size) {
        String where = " from renovation where division_code like :scope"
                + " and (cast(:status as varchar) is null or status = :status)";
        long total = jdbc.sql("select count(*)" + where)
                .param("scope", jurisdiction.likePattern()).param("status", status).query(Long.class).single();
        List<Renovation> items = jdbc.sql("select *" + where + " order by created_at desc, id limit :size offset :offset")
                .param("scope", jurisdiction.likePattern()).param("status", status)
                .param("size", size).param("offset", (long) page * size).query(Renovation.class).list();
        return new Page<>(items, page, size, total);
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

    public List<Appraisal> appraisalsOf(UUID householdId, Jurisdiction jurisdiction) {
        households.find(householdId, jurisdiction);
        return jdbc.sql("""
                        select id, household_id, division_code, grade, inspector, appraised_on, findings, recorded_at
                        from appraisal where household_id = :h order by appraised_on, recorded_at""")
                .param("h", householdId).query(Appraisal.class).list();
    }

    /**
     * The yearly screening (每年排查) of every low-income household of the county: how many are done
     * and left, counted by the database, and one page of the households, those left first.
     */
    public Screening screening(String county, int year, Jurisdiction jurisdiction, int page, int size) {
        if (!jurisdiction.covers(county)) {
            throw new NotFoundException("该县区不在您的管辖范围内。");
        }
        String lowIncome = """
                from household h
                left join lateral (select grade, appraised_on from appraisal
                                   where household_id = h.household_id and appraised_on >= :from and appraised_on < :to
                                   order by appraised_on desc, recorded_at desc limit 1) a on true
                -- LowIncome.of (as Household.lowIncome())
                where h.division_code like :county
                  and (h.category <> 'ORDINARY' and not h.not_entitled_to_policy or h.assisted)
                """;
        LocalDate from = LocalDate.of(year, 1, 1);
        record Counts(long households, long done) {
        }
        Counts counts = jdbc.sql("select count(*) as households, count(a.grade) as done " + lowIncome)
                .param("county", county + "%").param("from", from).param("to", from.plusYears(1))
                .query(Counts.class).single();
        List<ScreeningLine> items = jdbc.sql("select h.household_id, h.division_code, h.head_name, a.grade, a.appraised_on "
                        + lowIncome + " order by a.appraised_on is not null, h.division_code, h.household_id"
                        + " limit :size offset :offset")
                .param("county", county + "%").param("from", from).param("to", from.plusYears(1))
                .param("size", size).param("offset", (long) page * size)
                .query(ScreeningLine.class).list();
        return new Screening(county, year, counts.households(), counts.done(), counts.households() - counts.done(),
                items, page, size, counts.households());
    }

    private Appraisal appraisal(UUID id) {
        return jdbc.sql("""
                        select id, household_id, division_code, grade, inspector, appraised_on, findings, recorded_at
                        from appraisal where id = :id""")
                .param("id", id).query(Appraisal.class).single();
    }
}
