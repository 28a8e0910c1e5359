package fushun.socialassistance.casework;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.platform.PlatformTime;
import fushun.platform.alert.AlertReaction;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import fushun.socialassistance.household.HouseholdRoster;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens cases from alerts and serves the operators' queue within their jurisdiction. */
@Service
public class CaseWork implements AlertReaction {

    private final JdbcClient jdbc;
    private final HouseholdRoster roster;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CaseWork(JdbcClient jdbc, HouseholdRoster roster, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The case, if it is in {@code scope}; another county's case is not found. */
    public Optional<CaseRef> caseRef(UUID caseId, Jurisdiction scope) {
        return jdbc.sql("""
                        select id, household_id, alert_id, assignment_id, division_code from assistance_case
                        where id = :id and division_code like :scope""")
                .param("id", caseId).param("scope", scope.likePattern()).query(CaseRef.class).optional();
    }

    /** A case another feature already holds the id of. */
    public CaseRef caseRef(UUID caseId) {
        return jdbc.sql("select id, household_id, alert_id, assignment_id, division_code from assistance_case where id = :id")
                .param("id", caseId).query(CaseRef.class).single();
    }

    /**
     * An alert naming civil affairs opens one case for the household and alert; the platform's
     * intake, which recorded the alert, acknowledges the assignment with the case's id. It calls this
     * once per alert (a redelivery, or a replay under a new event id, finds the alert recorded); the
     * case is unique per household and alert all the same, and an alert whose case exists already
     * answers with that case.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> openCase(RiskAlertRaised alert, RiskAlertRaised.Assignment assignment) {
        UUID caseId = UUID.randomUUID();
        int opened = jdbc.sql("""
                        insert into assistance_case (id, household_id, alert_id, assignment_id, division_code, risk_types,
                                                     explanation, status, due_date, opened_at)
                        values (:id, :household, :alert, :assignment, :division, :types, :explanation, 'OPEN', :due, :at)
                        on conflict (household_id, alert_id) do nothing""")
                .param("id", caseId).param("household", alert.householdId()).param("alert", alert.alertId())
                .param("assignment", assignment.assignmentId()).param("division", alert.divisionCode())
                .param("at", Timestamp.from(clock.instant()))
                .param("types", alert.riskTypes().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("explanation", alert.explanation()).param("due", assignment.dueDate())
                .update();
        if (opened == 1) {
            return Optional.of(caseId.toString());
        }
        return Optional.of(jdbc.sql("select id from assistance_case where household_id = :household and alert_id = :alert")
                .param("household", alert.householdId()).param("alert", alert.alertId())
                .query(UUID.class).single().toString());
    }

    /**
     * The household moved to another division: its cases go with it, so the new area's operators
     * work them and the old area no longer sees them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void householdMoved(UUID householdId, String divisionCode) {
        jdbc.sql("update assistance_case set division_code = :d where household_id = :h and division_code <> :d")
                .param("d", divisionCode).param("h", householdId).update();
    }

    /** A case in the queue with its household head's name; null until the registration has reached this service. */
    public record QueuedCase(AssistanceCase assistanceCase, String headName) {
    }

    /**
     * What an operator narrows the queue by; every field may be null.
     *
     * @param division a village, township or county code inside the caller's division
     * @param riskType one of the case's risk types
     * @param overdue  only open cases past their due date
     * @param search   part of a member's name or of the masked ID number as shown (e.g. its last digits)
     */
    public record QueueFilter(String status, String division, String riskType, boolean overdue, String search) {
    }

    /**
     * The queue: the overdue first, then newest first, limited to the caller's division. Three
     * queries whatever the page size: the total, the page, and the page's household heads' names
     * from the roster.
     */
    public Page<QueuedCase> queue(Jurisdiction jurisdiction, QueueFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where c.division_code like :scope");
        Map<String, Object> params = new HashMap<>(Map.of("scope", jurisdiction.likePattern()));
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.division() != null) {
            where.append(" and c.division_code like :division");
            params.put("division", Jurisdiction.of(filter.division()).likePattern());
        }
        if (filter.riskType() != null) {
            where.append(" and (',' || c.risk_types || ',') like :risk");
            params.put("risk", "%," + filter.riskType() + ",%");
        }
        if (filter.overdue()) {
            where.append(" and c.status = 'OPEN' and c.due_date < :today");
            params.put("today", PlatformTime.today(clock));
        }
        if (filter.search() != null) {
            // in the same query: a short name ("王") matches a county's worth of households, which must
            // not be loaded to filter a page (listed in the architecture test)
            where.append(" and exists (select 1 from roster_member m where m.household_id = c.household_id"
                    + " and (m.name like :search escape '\\' or m.masked_id_number like :search escape '\\'))");
            params.put("search", "%" + filter.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from assistance_case c" + where).params(params).query(Long.class).single();
        List<AssistanceCase> cases = jdbc.sql("select c.* from assistance_case c" + where
                        + " order by (c.status = 'OPEN' and c.due_date < :asOf) desc, c.opened_at desc, c.id"
                        + " limit :size offset :offset")
                .params(params).param("asOf", PlatformTime.today(clock))
                .param("size", size).param("offset", (long) page * size)
                .query(AssistanceCase.class).list();
        Map<UUID, String> heads = roster.headNames(cases.stream().map(AssistanceCase::householdId).toList());
        List<QueuedCase> items = cases.stream().map(c -> new QueuedCase(c, heads.get(c.householdId()))).toList();
        return new Page<>(items, page, size, total);
    }

    /**
     * Closes a case with its outcome and tells monitoring (CaseClosed), which closes the assignment.
     * Only an open case can be closed.
     */
    @Transactional
    public AssistanceCase close(UUID caseId, String outcome, Jurisdiction jurisdiction) {
        AssistanceCase found = find(caseId, jurisdiction);
        int closed = jdbc.sql("""
                        update assistance_case set status = 'CLOSED', outcome = :outcome, closed_at = :at
                        where id = :id and status = 'OPEN'""")
                .param("outcome", outcome).param("id", caseId).param("at", Timestamp.from(clock.instant())).update();
        if (closed == 0) {
            throw new RuleViolationException("个案已办结", "该个案已经办结，不能重复办结。");
        }
        UUID assignmentId = jdbc.sql("select assignment_id from assistance_case where id = :id").param("id", caseId)
                .query(UUID.class).single();
        outbox.append(Topics.SOCIAL_ASSISTANCE_MEASURE, found.householdId().toString(), found.divisionCode(),
                new CaseClosed(assignmentId, found.alertId(), found.householdId(), Bureau.CIVIL_AFFAIRS, outcome,
                        clock.instant()));
        return find(caseId, jurisdiction);
    }

    /** One case; a case outside the caller's division is "not found", not "forbidden". */
    public AssistanceCase find(UUID caseId, Jurisdiction jurisdiction) {
        return jdbc.sql("select * from assistance_case where id = :id and division_code like :scope")
                .param("id", caseId).param("scope", jurisdiction.likePattern())
                .query(AssistanceCase.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该救助个案。"));
    }
}
