package fushun.employment.posts;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.employment.labour.People;
import fushun.platform.alert.ReceivedAlert;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a welfare post (以岗聘任, 有序退岗): hired per post, never more holders than seats (hiring
 * locks the post's row and counts), one post at a time per person ({@link HireRules}), exited with a
 * reason. For a household under an alert that names this bureau, the hire is the assignment's measure.
 * The hirer is on record: whoever hired a holder does not record the attendance that pays them
 * ({@link MonthlySubsidies}).
 */
@Service
public class PostHires {

    /** A person on a post; hiredBy is the hirer's username (null for holdings hired before it was recorded). */
    public record Holding(UUID id, UUID postId, UUID personId, UUID householdId, LocalDate hiredOn, LocalDate exitedOn,
                          String exitReason, String hiredBy) {
    }

    /** The matter of a holding's four eyes, and its rule in the words of the refusal. */
    static final SeparationOfDuties.Matter HIRE = new SeparationOfDuties.Matter("该岗位人员", "this hire",
            "考勤须由聘用人以外的人登记", "attendance is recorded by someone other than who made the hire");

    private final JdbcClient jdbc;
    private final WelfarePosts posts;
    private final People people;
    private final ReceivedAlerts alerts;
    private final OutboxWriter outbox;
    private final Clock clock;

    PostHires(JdbcClient jdbc, WelfarePosts posts, People people, ReceivedAlerts alerts, OutboxWriter outbox,
              Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.people = people;
        this.alerts = alerts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Hires a person on a post. Concurrent hires take turns on the post's row, so the last seat goes
     * to one of them and the others are refused. For a household under an alert that names this
     * bureau, the hire is the measure for its assignment. {@code by} is on record as the hirer.
     */
    @Transactional
    public Holding hire(UUID postId, UUID personId, LocalDate hiredOn, String by, Jurisdiction jurisdiction) {
        WelfarePosts.Post post = posts.lockForHire(postId, jurisdiction);
        // the person's holdings take turns: one post at a time, and no month paid twice
        People.HireCandidate person = people.lockForHire(personId)
                .filter(p -> jurisdiction.covers(p.divisionCode()))
                .orElseThrow(() -> new NotFoundException("没有找到该人员。"));
        HireRules.requireEligible(person.memberStatus(), person.labourCapacity(), person.divisionCode(), post.divisionCode());
        long holders = jdbc.sql("select count(*) from post_holding where post_id = :p and exited_on is null")
                .param("p", postId).query(Long.class).single();
        HireRules.requireFreeSeat(post.seats(), holders);
        // the hire answers the household's newest assignment for work that no post answers yet
        List<ReceivedAlert> forWork = alerts.assignedTo(person.householdId()).stream()
                .filter(a -> a.concerns(RiskType.UNSTABLE_EMPLOYMENT) || a.concerns(RiskType.LACK_OF_LABOUR))
                .toList();
        List<UUID> answered = forWork.isEmpty() ? List.of() : jdbc.sql(
                        "select assignment_id from post_holding where assignment_id in (:assignments)")
                .param("assignments", forWork.stream().map(ReceivedAlert::assignmentId).toList())
                .query(UUID.class).list();
        ReceivedAlert alert = forWork.stream().filter(a -> !answered.contains(a.assignmentId())).findFirst().orElse(null);
        long onAPost = jdbc.sql("select count(*) from post_holding where person_id = :p and exited_on is null")
                .param("p", personId).query(Long.class).single();
        LocalDate lastExit = jdbc.sql("select max(exited_on) from post_holding where person_id = :p")
                .param("p", personId).query(LocalDate.class).optional().orElse(null);
        HireRules.requireTurn(hiredOn, lastExit, onAPost);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into post_holding (id, post_id, person_id, household_id, hired_on, alert_id, assignment_id,
                                                      hired_by)
                            values (:id, :post, :p, :h, :on, :alert, :assignment, :by)""")
                    .param("id", id).param("post", postId).param("p", personId).param("h", person.householdId())
                    .param("on", hiredOn).param("alert", alert == null ? null : alert.alertId())
                    .param("assignment", alert == null ? null : alert.assignmentId()).param("by", by).update();
        } catch (DuplicateKeyException onAnotherPost) {
            throw new RuleViolationException("已在岗", "该人员已在其他公益性岗位上，须先退岗。");
        }
        if (alert != null) {
            outbox.append(Topics.EMPLOYMENT_MEASURE, person.householdId().toString(), person.divisionCode(),
                    new MeasureApplied(UUID.randomUUID(), alert.assignmentId(), alert.alertId(), person.householdId(),
                            Bureau.HUMAN_RESOURCES, "PUBLIC_WELFARE_POST", "聘用到公益性岗位，每月补贴 "
                            + post.monthlySubsidy().stripTrailingZeros().toPlainString() + " 元",
                            post.monthlySubsidy(), hiredOn, clock.instant()));
        }
        return holding(id);
    }

    /** Orderly exit (有序退岗) with a reason; the seat is free from the day after. */
    @Transactional
    public Holding exit(UUID holdingId, LocalDate exitedOn, String reason, Jurisdiction jurisdiction) {
        Holding holding = lockedInScope(holdingId, jurisdiction);
        if (holding.exitedOn() != null) {
            throw new RuleViolationException("已退岗", "该人员已经退岗。");
        }
        if (exitedOn.isBefore(holding.hiredOn())) {
            throw new RuleViolationException("日期有误", "退岗日期不能早于聘用日期。");
        }
        LocalDate lastPaid = jdbc.sql("select max(month) from attendance where holding_id = :h").param("h", holdingId)
                .query(LocalDate.class).optional().orElse(null);
        if (lastPaid != null && exitedOn.isBefore(lastPaid)) {
            throw new RuleViolationException("日期有误", "退岗日期不能早于已发补贴的月份（" + YearMonth.from(lastPaid) + "）。");
        }
        jdbc.sql("update post_holding set exited_on = :on, exit_reason = :reason where id = :id")
                .param("on", exitedOn).param("reason", reason).param("id", holdingId).update();
        return holding(holdingId);
    }

    /**
     * The person left the household: their post, if any, is exited on the day they left, or later if
     * a month after it was already paid or they were hired after it (a paid month is never taken back).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void exitOnLeaving(UUID personId, UUID householdId, LocalDate leftOn, String reason) {
        jdbc.sql("""
                        update post_holding h set exited_on = greatest(:leftOn, h.hired_on,
                                (select max(a.month) from attendance a where a.holding_id = h.id)),
                            exit_reason = :reason
                        where h.person_id = :p and h.household_id = :h and h.exited_on is null""")
                .param("leftOn", leftOn).param("p", personId).param("h", householdId)
                .param("reason", reason)
                .update();
    }

    /** Everyone a post has had, in the order they were hired. */
    public Page<Holding> holdings(UUID postId, Jurisdiction jurisdiction, int page, int size) {
        posts.post(postId, jurisdiction);
        long total = jdbc.sql("select count(*) from post_holding where post_id = :p").param("p", postId)
                .query(Long.class).single();
        List<Holding> items = jdbc.sql("""
                        select id, post_id, person_id, household_id, hired_on, exited_on, exit_reason, hired_by from post_holding
                        where post_id = :p order by hired_on, id limit :size offset :offset""")
                .param("p", postId).param("size", size).param("offset", (long) page * size).query(Holding.class).list();
        return new Page<>(items, page, size, total);
    }

    /** The holding, if its post is in the caller's division, locked for the rest of the transaction. */
    Holding lockedInScope(UUID holdingId, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select h.id, h.post_id, h.person_id, h.household_id, h.hired_on, h.exited_on, h.exit_reason, h.hired_by
                        from post_holding h join welfare_post p on p.id = h.post_id
                        where h.id = :id and p.division_code like :scope for update of h""")
                .param("id", holdingId).param("scope", jurisdiction.likePattern()).query(Holding.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该聘用记录。"));
    }

    private Holding holding(UUID id) {
        return jdbc.sql("""
                        select id, post_id, person_id, household_id, hired_on, exited_on, exit_reason, hired_by from post_holding
                        where id = :id""")
                .param("id", id).query(Holding.class).single();
    }
}
