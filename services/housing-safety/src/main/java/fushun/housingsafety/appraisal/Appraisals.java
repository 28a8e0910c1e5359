package fushun.housingsafety.appraisal;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.housingsafety.household.Households;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appraisals of houses, graded A–D ({@link HouseGrade}). An appraisal answers the household's open
 * {@link AppraisalTasks tasks}; a C or D house is signalled to monitoring whether an alert asked for
 * it or not, and a low-income household's C or D house gets a {@link Renovations renovation}
 * ({@link AppraisalDecision}).
 */
@Service
public class Appraisals {

    public record NewAppraisal(UUID householdId, String grade, String inspector, LocalDate appraisedOn, String findings) {
    }

    public record Appraisal(UUID id, UUID householdId, String divisionCode, String grade, String inspector,
                            LocalDate appraisedOn, String findings, Instant recordedAt) {
    }

    private final JdbcClient jdbc;
    private final Households households;
    private final AppraisalTasks tasks;
    private final Renovations renovations;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final FeedCompleteness feeds;

    Appraisals(JdbcClient jdbc, Households households, AppraisalTasks tasks, Renovations renovations,
               OutboxWriter outbox, Clock clock, FeedCompleteness feeds) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.households = households;
        this.tasks = tasks;
        this.renovations = renovations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records an appraisal. It answers the household's open tasks. C or D: a signal to monitoring,
     * and for a low-income household a renovation with its subsidy (unless one is under way). A or B
     * answering a task closes its assignment: the house is safe. Each appraisal is the screening's
     * progress, housing's monthly feed (报送完整性): counted for the county and the month it was made
     * in, late when recorded after that month's deadline.
     */
    @Transactional
    public Appraisal record(NewAppraisal request, String by, Jurisdiction jurisdiction) {
        Households.Household household = households.find(request.householdId(), jurisdiction);
        households.lock(household.householdId());
        List<AppraisalTasks.TaskRef> tasks = this.tasks.open(household.householdId());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into appraisal (id, household_id, division_code, task_id, grade, inspector, appraised_on,
                                               findings, recorded_by)
                        values (:id, :h, :d, :task, :grade, :inspector, :on, :findings, :by)""")
                .param("id", id).param("h", household.householdId()).param("d", household.divisionCode())
                .param("task", tasks.isEmpty() ? null : tasks.get(0).id()).param("grade", request.grade())
                .param("inspector", request.inspector()).param("on", request.appraisedOn())
                .param("findings", request.findings()).param("by", by).update();
        feeds.arrived(Bureau.HOUSING, household.divisionCode(), YearMonth.from(request.appraisedOn()), clock.instant());
        this.tasks.done(household.householdId());
        HouseGrade grade = HouseGrade.of(request.grade());
        AppraisalDecision decision = AppraisalDecision.of(grade, household.lowIncome(), household.notEntitledToPolicy());
        if (decision.unsafe()) {
            outbox.append(Topics.HOUSING_SAFETY_SIGNAL, household.householdId().toString(), household.divisionCode(),
                    new RiskSignalObserved(UUID.randomUUID(), household.householdId(), Bureau.HOUSING,
                            RiskType.UNSAFE_HOUSING, decision.signal(), Map.of("grade", grade.measure()), null,
                            clock.instant()));
        }
        // every open task gets its answer: the renovation (one), or a closing that says why
        List<AppraisalTasks.TaskRef> unanswered = new ArrayList<>(tasks);
        if (decision.renovation().isPresent()) {
            UUID renovationId = renovations.open(household, id, decision.renovation().get(), request.appraisedOn(), by);
            if (!renovations.linked(renovationId) && !unanswered.isEmpty()) {
                AppraisalTasks.TaskRef first = unanswered.remove(0);
                renovations.link(renovationId, first.alertId(), first.assignmentId());
            }
        }
        this.tasks.close(household, unanswered, decision.closing());
        return appraisal(id);
    }

    public List<Appraisal> appraisalsOf(UUID householdId, Jurisdiction jurisdiction) {
        households.find(householdId, jurisdiction);
        return jdbc.sql("""
                        select id, household_id, division_code, grade, inspector, appraised_on, findings, recorded_at
                        from appraisal where household_id = :h order by appraised_on, recorded_at""")
                .param("h", householdId).query(Appraisal.class).list();
    }

    private Appraisal appraisal(UUID id) {
        return jdbc.sql("""
                        select id, household_id, division_code, grade, inspector, appraised_on, findings, recorded_at
                        from appraisal where id = :id""")
                .param("id", id).query(Appraisal.class).single();
    }
}
