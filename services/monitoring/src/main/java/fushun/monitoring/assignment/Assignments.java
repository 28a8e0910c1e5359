package fushun.monitoring.assignment;

import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.monitoring.household.HouseholdMoved;
import fushun.platform.PlatformTime;
import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.AssignmentAcknowledged;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.monitoring.AssignmentEscalated;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The bureaus' answers to their assignments, escalation and the league table. */
@Service
public class Assignments {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Assignments.class);


    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    private final FeedCompleteness feeds;
    private final MeasureTypes measureTypes;

    public Assignments(JdbcClient jdbc, OutboxWriter outbox, Clock clock, FeedCompleteness feeds, MeasureTypes measureTypes) {
        this.feeds = feeds;
        this.measureTypes = measureTypes;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    private record Current(UUID id, UUID alertId, UUID householdId, String divisionCode, Bureau bureau, AssignmentStatus status) {
    }

    /** An assignment of an alert, as the alert's owner shows it. */
    public record AlertAssignment(UUID alertId, UUID id, String bureau, LocalDate dueDate, String status,
                                  String caseReference, Instant acknowledgedAt) {
    }

    /** The alert's assignments, one per responsible bureau; they keep the household's division for the lists. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(UUID alertId, UUID householdId, String divisionCode, List<RiskAlertRaised.Assignment> assignments) {
        for (RiskAlertRaised.Assignment a : assignments) {
            jdbc.sql("""
                            insert into assignment (id, alert_id, household_id, division_code, bureau, due_date, status)
                            values (:id, :alert, :household, :division, :bureau, :due, 'ASSIGNED')""")
                    .param("id", a.assignmentId()).param("alert", alertId).param("household", householdId)
                    .param("division", divisionCode).param("bureau", a.bureau().name()).param("due", a.dueDate())
                    .update();
        }
    }

    /** Every assignment of the household's alerts, by bureau. */
    public List<AlertAssignment> ofHousehold(UUID householdId) {
        return jdbc.sql("""
                        select alert_id, id, bureau, due_date, status, case_reference, acknowledged_at
                        from assignment where household_id = :h order by bureau""")
                .param("h", householdId)
                .query((rs, n) -> new AlertAssignment(rs.getObject("alert_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("bureau"), rs.getDate("due_date").toLocalDate(), rs.getString("status"),
                        rs.getString("case_reference"),
                        rs.getTimestamp("acknowledged_at") == null ? null : rs.getTimestamp("acknowledged_at").toInstant()))
                .list();
    }

    /** Measures delivered for these alerts' assignments. */
    public long measuresFor(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? 0 : jdbc.sql("""
                        select count(*) from measure m join assignment a on a.id = m.assignment_id where a.alert_id in (:alerts)""")
                .param("alerts", alertIds).query(Long.class).single();
    }

    /** These alerts' assignments not closed yet. */
    public long unfinishedFor(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? 0 : jdbc.sql("select count(*) from assignment where alert_id in (:alerts) and status <> 'CLOSED'")
                .param("alerts", alertIds).query(Long.class).single();
    }

    /** The assignments follow a household that moved, as its alerts do: the new area's lists show them. */
    @EventListener
    public void on(HouseholdMoved moved) {
        jdbc.sql("update assignment set division_code = :d where household_id = :h")
                .param("d", moved.toDivision()).param("h", moved.householdId()).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onAcknowledged(AssignmentAcknowledged ack, String source) {
        fromItsService(ack.assignmentId(), ack.bureau(), source).ifPresent(a -> jdbc.sql("""
                        update assignment set status = :status, acknowledged_at = coalesce(acknowledged_at, :at),
                            case_reference = coalesce(case_reference, :ref) where id = :id""")
                .param("status", a.status().onAcknowledged().name()).param("at", Timestamp.from(ack.acknowledgedAt()))
                .param("ref", ack.caseReference()).param("id", a.id()).update());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onMeasure(MeasureApplied measure, String source) {
        fromItsService(measure.assignmentId(), measure.bureau(), source).ifPresent(a ->
                record(a, measure.measureId(), null, measure.measure(), measure.description(), measure.amount(),
                        measure.appliedOn(), measure.bureau().name()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onClosed(CaseClosed closed, String source) {
        fromItsService(closed.assignmentId(), closed.bureau(), source).ifPresent(a -> close(a, closed.outcome(), closed.closedAt()));
    }

    /**
     * A bureau without a service records a typed measure through the API (monitoring keeps it for them).
     * The type must be the assignment's bureau's and in force on the day it was applied, with an amount
     * exactly when the type has one ({@link MeasureTypeRule}); the measure is stored with the type's code
     * and its fixed label, free text only in the description. {@code legacyName} is the old free-text
     * field, accepted for one release only when it is the code or label of such a type (ADR 0039).
     * Refused with 422 and nothing written otherwise.
     */
    @Transactional
    public void recordMeasure(UUID assignmentId, String measureType, String legacyName, String description, BigDecimal amount,
                              LocalDate appliedOn, String actor, Set<String> roles, Jurisdiction jurisdiction) {
        Current a = forOfficer(assignmentId, roles, jurisdiction);
        if (a.status() == AssignmentStatus.CLOSED) {
            throw new RuleViolationException("任务已办结", "该任务已经办结，不能再登记措施。");
        }
        // a blank field is an empty form field, not a code
        String code = measureType == null || measureType.isBlank() ? null : measureType;
        legacyName = legacyName == null || legacyName.isBlank() ? null : legacyName;
        if (code == null) {
            code = legacyName == null ? null : measureTypes.codeNamed(a.bureau(), legacyName, appliedOn).orElse(null);
            if (code == null) {
                throw new RuleViolationException("请填写措施类型", "请在 measureType 中填写本部门措施类型的代码（见 GET "
                        + "/api/monitoring/measure-types）；自由文字的 measure 已停用，情况说明请写在 description 中。");
            }
        } else if (legacyName != null) {
            throw new RuleViolationException("措施类型重复填写", "已填写 measureType 时不要再填写已停用的 measure，情况说明请写在 description 中。");
        }
        MeasureTypeRule.Verdict verdict = MeasureTypeRule.check(code, a.bureau(), appliedOn, amount, measureTypes.versionsOf(code));
        if (verdict instanceof MeasureTypeRule.Refused refused) {
            throw new RuleViolationException(refused.title(), refused.detail());
        }
        MeasureType type = ((MeasureTypeRule.Accepted) verdict).type();
        UUID measureId = UUID.randomUUID();
        record(a, measureId, type.code(), type.label(), description, amount, appliedOn, actor);
        answered(a);
        // the measure on the bus for the dashboards and the report, as a service's own would be: the
        // catalogue's fixed label, never the officer's description (ADR 0039)
        outbox.append(Topics.MONITORING_RISK_ALERT, a.householdId().toString(), a.divisionCode(), new MeasureApplied(measureId,
                a.id(), a.alertId(), a.householdId(), a.bureau(), type.label(), type.label(), amount, appliedOn, clock.instant()));
    }

    /** A bureau without a service closes its assignment through the API. */
    @Transactional
    public void closeByOfficer(UUID assignmentId, String outcome, Set<String> roles, Jurisdiction jurisdiction) {
        Current a = forOfficer(assignmentId, roles, jurisdiction);
        if (a.status() == AssignmentStatus.CLOSED) {
            throw new RuleViolationException("任务已办结", "该任务已经办结。");
        }
        Instant closedAt = clock.instant();
        close(a, outcome, closedAt);
        answered(a);
        // closed in fixed words: the officer's own outcome stays in monitoring's record
        outbox.append(Topics.MONITORING_RISK_ALERT, a.householdId().toString(), a.divisionCode(),
                new CaseClosed(a.id(), a.alertId(), a.householdId(), a.bureau(), a.bureau().label() + "已办结帮扶任务", closedAt));
    }

    /**
     * The monthly duty of a bureau without a service (报送完整性, {@link TasksDueScope}): an answer
     * through the API counts for the task's county and the month it was due.
     */
    private void answered(Current a) {
        if (feeds.tracks(a.bureau())) {
            LocalDate due = jdbc.sql("select due_date from assignment where id = :id").param("id", a.id())
                    .query(LocalDate.class).single();
            feeds.arrived(a.bureau(), a.divisionCode(), YearMonth.from(due), clock.instant());
        }
    }

    /**
     * Marks every unfinished assignment past its deadline as escalated, once, and publishes
     * {@code AssignmentEscalated}. Returns how many it escalated.
     */
    @Scheduled(fixedDelayString = "${monitoring.escalation-interval:15m}", initialDelayString = "${monitoring.escalation-interval:15m}")
    @Transactional
    public int escalateOverdue() {
        LocalDate today = PlatformTime.today(clock);
        Instant now = clock.instant();
        // a batch of at most 1,000 per run keeps the transaction short; the next run takes the rest
        List<AssignmentView> overdue = jdbc.sql(VIEW + """
                         where a.status <> 'CLOSED' and a.due_date < :today and a.escalated_at is null
                         order by a.due_date limit 1000 for update of a""")
                .param("today", today).query(this::view).list();
        for (AssignmentView a : overdue) {
            jdbc.sql("update assignment set escalated_at = :at where id = :id")
                    .param("at", Timestamp.from(now)).param("id", a.id()).update();
            outbox.append(Topics.MONITORING_RISK_ALERT, a.householdId().toString(), a.divisionCode(),
                    new AssignmentEscalated(a.id(), a.alertId(), a.householdId(), a.divisionCode(), Bureau.valueOf(a.bureau()),
                            a.dueDate(), (int) ChronoUnit.DAYS.between(a.dueDate(), today), now));
        }
        return overdue.size();
    }

    /** A bureau's assignments in the caller's division, earliest deadline first, one page with the total. */
    public Page<AssignmentView> list(Bureau bureau, boolean overdueOnly, Jurisdiction jurisdiction, int page, int size) {
        String where = """
                 where a.division_code like :scope and (cast(:bureau as varchar) is null or a.bureau = :bureau)
                   and (not :overdueOnly or (a.status <> 'CLOSED' and a.due_date < :today))""";
        Map<String, Object> params = new HashMap<>();
        params.put("scope", jurisdiction.likePattern());
        params.put("bureau", bureau == null ? null : bureau.name());
        params.put("overdueOnly", overdueOnly);
        params.put("today", PlatformTime.today(clock));
        long total = jdbc.sql("select count(*) from assignment a " + where)
                .params(params).query(Long.class).single();
        List<AssignmentView> items = jdbc.sql(VIEW + where + " order by a.due_date, a.id limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query(this::view).list();
        return new Page<>(items, page, size, total);
    }

    /** Per bureau and county in the caller's division: deadlines kept, open, overdue, escalated. */
    public List<LeagueRow> leagueTable(Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select a.bureau, substr(a.division_code, 1, 6) as county, count(*) as total,
                               count(*) filter (where a.status <> 'CLOSED') as open,
                               count(*) filter (where a.status = 'CLOSED' and cast(a.closed_at at time zone 'Asia/Shanghai' as date) <= a.due_date) as on_time,
                               count(*) filter (where a.status = 'CLOSED' and cast(a.closed_at at time zone 'Asia/Shanghai' as date) > a.due_date) as late,
                               count(*) filter (where a.status <> 'CLOSED' and a.due_date < :today) as overdue_open,
                               count(*) filter (where a.escalated_at is not null) as escalated
                        from assignment a
                        where a.division_code like :scope
                        group by a.bureau, substr(a.division_code, 1, 6) order by county, a.bureau""")
                .param("scope", jurisdiction.likePattern()).param("today", PlatformTime.today(clock))
                .query((rs, n) -> {
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    long overdueOpen = rs.getLong("overdue_open");
                    long judged = onTime + late + overdueOpen;
                    BigDecimal rate = judged == 0 ? null
                            : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(judged), 4, RoundingMode.HALF_UP);
                    return new LeagueRow(rs.getString("bureau"), rs.getString("county"), rs.getLong("total"),
                            rs.getLong("open"), onTime, late, overdueOpen, rs.getLong("escalated"), rate);
                }).list();
    }

    private static final String VIEW = """
            select a.id, a.alert_id, a.household_id, a.division_code, a.bureau, a.due_date, a.status, a.escalated_at,
                   a.closed_at, a.outcome
            from assignment a
            """;

    private AssignmentView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate due = rs.getDate("due_date").toLocalDate();
        String status = rs.getString("status");
        return new AssignmentView(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class),
                rs.getObject("household_id", UUID.class), rs.getString("division_code"), rs.getString("bureau"), due, status,
                !"CLOSED".equals(status) && due.isBefore(PlatformTime.today(clock)),
                rs.getTimestamp("escalated_at") == null ? null : rs.getTimestamp("escalated_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), rs.getString("outcome"));
    }

    /**
     * The assignment, if the answer comes from the service of the bureau it belongs to; an answer
     * for another bureau's assignment, or from another service, changes nothing.
     */
    private Optional<Current> fromItsService(UUID assignmentId, Bureau bureau, String source) {
        if (!BureauRoles.serviceOf(bureau).map(s -> s.equals(source)).orElse(false)) {
            log.warn("Ignored an answer for {} from {}", bureau, source);
            return Optional.empty();
        }
        return current(assignmentId, bureau);
    }

    /** The assignment if it is this bureau's; an answer for another bureau's assignment changes nothing. */
    private Optional<Current> current(UUID assignmentId, Bureau bureau) {
        return jdbc.sql("""
                        select a.id, a.alert_id, a.household_id, a.division_code, a.bureau, a.status
                        from assignment a where a.id = :id and a.bureau = :bureau
                        for update of a""")
                .param("id", assignmentId).param("bureau", bureau.name())
                .query(Assignments::current)
                .optional();
    }

    private static Current current(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Current(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), Bureau.valueOf(rs.getString(5)), AssignmentStatus.valueOf(rs.getString(6)));
    }

    private Current forOfficer(UUID assignmentId, Set<String> roles, Jurisdiction jurisdiction) {
        Current a = jdbc.sql("""
                        select a.id, a.alert_id, a.household_id, a.division_code, a.bureau, a.status
                        from assignment a where a.id = :id and a.division_code like :scope for update of a""")
                .param("id", assignmentId).param("scope", jurisdiction.likePattern())
                .query(Assignments::current)
                .optional().orElseThrow(() -> new NotFoundException("没有找到该任务。"));
        String role = BureauRoles.apiRoleOf(a.bureau()).orElseThrow(() -> new RuleViolationException("请在本部门系统办理",
                a.bureau().label() + "的任务由其业务系统通过消息反馈，不在此办理。"));
        if (!roles.contains(role)) {
            throw new RuleViolationException("不能办理此任务", "该任务属于" + a.bureau().label() + "，需由其经办人员办理。");
        }
        return a;
    }

    private void record(Current a, UUID measureId, String measureType, String measure, String description, BigDecimal amount,
                        LocalDate appliedOn, String recordedBy) {
        jdbc.sql("""
                        insert into measure (id, assignment_id, household_id, bureau, measure_type, measure, description, amount,
                                             applied_on, recorded_by)
                        values (:id, :assignment, :household, :bureau, :type, :measure, :description, :amount, :on, :by)
                        on conflict (id) do nothing""")
                .param("id", measureId).param("assignment", a.id()).param("household", a.householdId())
                .param("bureau", a.bureau().name()).param("type", measureType).param("measure", measure)
                .param("description", description)
                .param("amount", amount).param("on", appliedOn).param("by", recordedBy).update();
        jdbc.sql("update assignment set status = :status where id = :id")
                .param("status", a.status().onMeasure().name()).param("id", a.id()).update();
    }

    private void close(Current a, String outcome, Instant at) {
        jdbc.sql("""
                        update assignment set status = 'CLOSED', outcome = coalesce(outcome, :outcome),
                            closed_at = coalesce(closed_at, :at) where id = :id""")
                .param("outcome", outcome).param("at", Timestamp.from(at)).param("id", a.id()).update();
    }
}
