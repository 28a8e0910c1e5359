package fushun.housingsafety.appraisal;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.CaseClosed;
import fushun.contracts.bureau.MeasureApplied;
import fushun.housingsafety.household.Households;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renovations of low-income households' C and D houses (repair for C, rebuild for D) with their
 * subsidy and the parameter version it came from: planned by the appraisal, then started, then
 * completed with an inspection that finds the house safe ({@link RenovationSteps}). Starting and
 * completing are the measures for the assignment that asked for it, and the completion closes it.
 * Four eyes (职责分离): whoever appraised the house or started the work does not accept it, since the
 * subsidy is paid on the acceptance.
 */
@Service
public class Renovations {

    private static final Logger log = LoggerFactory.getLogger(Renovations.class);

    /** A renovation; appraisedBy, startedBy and completedBy are the usernames of who took each step. */
    public record Renovation(UUID id, UUID householdId, String divisionCode, UUID appraisalId, String kind,
                             BigDecimal subsidy, String parameterVersion, String status, LocalDate startedOn,
                             LocalDate completedOn, String completionGrade, String appraisedBy, String startedBy,
                             String completedBy) {
    }

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final RenovationTotals totals;

    Renovations(JdbcClient jdbc, PolicyParameters parameters, OutboxWriter outbox, Clock clock, RenovationTotals totals) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
        this.totals = totals;
    }

    /**
     * The household's renovation under way that no alert asked for answers this alert: it is linked to
     * the assignment, and if the work has started that is the assignment's first measure. False when
     * there is none (the household's row is locked by the caller).
     */
    boolean answer(UUID householdId, UUID alertId, UUID assignmentId) {
        Optional<Renovation> underWay = jdbc.sql("""
                        select * from renovation where household_id = :h and status in ('PLANNED', 'STARTED')
                          and assignment_id is null for update""")
                .param("h", householdId).query(Renovation.class).optional();
        if (underWay.isEmpty()) {
            return false;
        }
        jdbc.sql("update renovation set alert_id = :a, assignment_id = :s where id = :id")
                .param("a", alertId).param("s", assignmentId).param("id", underWay.get().id())
                .update();
        if (underWay.get().status().equals("STARTED")) {
            measure(underWay.get().id(), "RENOVATION_STARTED", "危房改造已开工，补助 "
                    + underWay.get().subsidy().stripTrailingZeros().toPlainString() + " 元", underWay.get().subsidy(),
                    underWay.get().startedOn());
        }
        return true;
    }

    /** Whether an alert's assignment is answered by the renovation already. */
    boolean linked(UUID renovationId) {
        return jdbc.sql("select assignment_id is not null from renovation where id = :r")
                .param("r", renovationId).query(Boolean.class).single();
    }

    /** The renovation answers the alert's assignment: its measures and closing go there. */
    void link(UUID renovationId, UUID alertId, UUID assignmentId) {
        jdbc.sql("update renovation set alert_id = :a, assignment_id = :s where id = :r")
                .param("a", alertId).param("s", assignmentId).param("r", renovationId).update();
    }

    /**
     * The household's renovation under way, or a new one for this appraisal (repair for C, rebuild for
     * D), with its appraiser on record.
     */
    UUID open(Households.Household household, UUID appraisalId, RenovationKind kind, LocalDate on,
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

    /**
     * Work begins, recorded by {@code by}: the measure for the assignment, if an alert asked for it, and
     * the county's month of the start counted again for the report ({@link RenovationTotals}).
     */
    @Transactional
    public Renovation start(UUID renovationId, LocalDate startedOn, String by, Jurisdiction jurisdiction) {
        Renovation renovation = lockedRenovation(renovationId, jurisdiction);
        RenovationSteps.toStart(RenovationSteps.Status.valueOf(renovation.status())).ifPresent(Renovations::refuse);
        jdbc.sql("update renovation set status = 'STARTED', started_on = :on, started_by = :by where id = :id")
                .param("on", startedOn).param("by", by).param("id", renovationId).update();
        measure(renovationId, "RENOVATION_STARTED",
                RenovationKind.valueOf(renovation.kind()).startedMeasure(renovation.subsidy()), renovation.subsidy(), startedOn);
        totals.publish(renovation.divisionCode(), startedOn);
        return renovation(renovationId, jurisdiction);
    }

    /**
     * Work done and inspected: the house must now be safe (A or B), recorded as an appraisal; the
     * completion is the measure and closes the assignment, and the county's month of the completion is
     * counted again for the report ({@link RenovationTotals}). Accepted by someone who neither appraised
     * the house nor started the work (read under the renovation's row lock, as the start writes them).
     */
    @Transactional
    public Renovation complete(UUID renovationId, LocalDate completedOn, String inspector, String grade, String by,
                               Jurisdiction jurisdiction) {
        Renovation renovation = lockedRenovation(renovationId, jurisdiction);
        RenovationSteps.toComplete(RenovationSteps.Status.valueOf(renovation.status()), renovation.appraisedBy(),
                renovation.startedBy(), renovation.startedOn(), by, HouseGrade.of(grade), completedOn)
                .ifPresent(Renovations::refuse);
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
        linkOf(renovationId).ifPresent(l -> outbox.append(Topics.HOUSING_SAFETY_MEASURE, renovation.householdId().toString(),
                renovation.divisionCode(), new CaseClosed(l.assignmentId(), l.alertId(), renovation.householdId(),
                        Bureau.HOUSING, AppraisalDecision.completed(HouseGrade.of(grade)), clock.instant())));
        totals.publish(renovation.divisionCode(), completedOn);
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

    private Optional<Link> linkOf(UUID renovationId) {
        return jdbc.sql("select alert_id, assignment_id from renovation where id = :id and assignment_id is not null")
                .param("id", renovationId).query(Link.class).optional();
    }

    private void measure(UUID renovationId, String code, String description, BigDecimal amount, LocalDate on) {
        Renovation r = jdbc.sql("select * from renovation where id = :id").param("id", renovationId)
                .query(Renovation.class).single();
        linkOf(renovationId).ifPresent(l -> outbox.append(Topics.HOUSING_SAFETY_MEASURE, r.householdId().toString(),
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
    public Page<Renovation> list(Jurisdiction jurisdiction, String status, int page, int size) {
        String where = " from renovation where division_code like :scope"
                + " and (cast(:status as varchar) is null or status = :status)";
        long total = jdbc.sql("select count(*)" + where)
                .param("scope", jurisdiction.likePattern()).param("status", status).query(Long.class).single();
        List<Renovation> items = jdbc.sql("select *" + where + " order by created_at desc, id limit :size offset :offset")
                .param("scope", jurisdiction.likePattern()).param("status", status)
                .param("size", size).param("offset", (long) page * size).query(Renovation.class).list();
        return new Page<>(items, page, size, total);
    }
}
