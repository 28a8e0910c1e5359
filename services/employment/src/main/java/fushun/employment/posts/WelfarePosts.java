package fushun.employment.posts;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.employment.labour.People;
import fushun.platform.PlatformTime;
import fushun.platform.alert.ReceivedAlert;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.DivisionCodes;
import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.security.SeparationOfDuties.Step;
import fushun.platform.security.SeparationOfDuties.Taken;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rural public-welfare posts (乡村公益性岗位) as the seed has them: set by need (按需设岗), hire per post
 * (以岗聘任), subsidy while on the post from attendance (在岗领补), orderly exit with a reason (有序退岗).
 * A post never has more holders than seats: hiring locks the post's row and counts. Four eyes (职责分离):
 * whoever hired a holder does not record the attendance that pays them.
 */
@Service
public class WelfarePosts {

    public record Post(UUID id, String divisionCode, String postType, int seats, BigDecimal monthlySubsidy, int holders) {
    }

    /** A person on a post; hiredBy is the hirer's username (null for holdings hired before it was recorded). */
    public record Holding(UUID id, UUID postId, UUID personId, UUID householdId, LocalDate hiredOn, LocalDate exitedOn,
                          String exitReason, String hiredBy) {
    }

    /** The matter of a holding's four eyes, and its rule in the words of the refusal. */
    static final SeparationOfDuties.Matter HIRE = new SeparationOfDuties.Matter("该岗位人员", "this hire",
            "考勤须由聘用人以外的人登记", "attendance is recorded by someone other than who made the hire");

    /** One month's subsidy: full at the required days, otherwise in proportion, to the fen. */
    public record MonthlySubsidy(UUID holdingId, YearMonth month, int daysWorked, int requiredDays, BigDecimal subsidy) {
    }

    /** For an alert: the household's labourers, and a page of the posts with a free seat in its county, nearest first. */
    public record Suggestions(UUID alertId, UUID householdId, List<UUID> labourers, Page<Post> posts) {
    }

    private final JdbcClient jdbc;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final ReceivedAlerts alerts;
    private final Clock clock;
    private final People people;

    public WelfarePosts(JdbcClient jdbc, PolicyParameters parameters, OutboxWriter outbox, ReceivedAlerts alerts,
                        Clock clock, People people) {
        this.jdbc = jdbc;
        this.people = people;
        this.parameters = parameters;
        this.outbox = outbox;
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional
    public Post create(String village, String postType, int seats, BigDecimal monthlySubsidy, String by,
                       Jurisdiction jurisdiction) {
        if (!jurisdiction.covers(village)) {
            throw new NotFoundException("该村不在您的管辖范围内。");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into welfare_post (id, division_code, post_type, seats, monthly_subsidy, created_by)
                        values (:id, :d, :type, :seats, :subsidy, :by)""")
                .param("id", id).param("d", village).param("type", postType).param("seats", seats)
                .param("subsidy", monthlySubsidy).param("by", by).update();
        return post(id, jurisdiction);
    }

    /**
     * Hires a person on a post. Concurrent hires take turns on the post's row, so the last seat goes
     * to one of them and the others are refused. For a household under an alert that names this
     * bureau, the hire is the measure for its assignment. {@code by} is on record as the hirer.
     */
    @Transactional
    public Holding hire(UUID postId, UUID personId, LocalDate hiredOn, String by, Jurisdiction jurisdiction) {
        Post post = jdbc.sql("""
                        select id, division_code, post_type, seats, monthly_subsidy, 0 as holders from welfare_post
                        where id = :id and division_code like :scope for update""")
                .param("id", postId).param("scope", jurisdiction.likePattern()).query(Post.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该公益性岗位。"));
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
        } catch (org.springframework.dao.DuplicateKeyException onAnotherPost) {
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
        Holding holding = holdingInScope(holdingId, jurisdiction);
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

    /**
     * Records a month's attendance and the subsidy it earns: full at the required days (a
     * parameter), otherwise days ÷ required × the monthly subsidy, to the fen. Only months on the
     * post, only once per month, never a month to come, never by whoever hired the holder (the hirer is
     * read under the holding's row lock).
     */
    @Transactional
    public MonthlySubsidy attendance(UUID holdingId, YearMonth month, int daysWorked, String by, Jurisdiction jurisdiction) {
        Holding holding = holdingInScope(holdingId, jurisdiction);
        SeparationOfDuties.require(Step.RECORD_ATTENDANCE, by, HIRE, new Taken(Step.HIRE, holding.hiredBy()));
        HireRules.requirePayableMonth(month, PlatformTime.today(clock), holding.hiredOn(), holding.exitedOn());
        BigDecimal monthly = jdbc.sql("select monthly_subsidy from welfare_post where id = :p")
                .param("p", holding.postId()).query(BigDecimal.class).single();
        PolicyValue required = parameters.required("employment.post.required-days", "*", month.atDay(1));
        int requiredDays = required.value().intValueExact();
        BigDecimal subsidy = PostSubsidy.forMonth(monthly, daysWorked, requiredDays);
        int recorded = jdbc.sql("""
                        insert into attendance (holding_id, person_id, month, days_worked, required_days, subsidy,
                                                parameter_version, recorded_by)
                        values (:h, :p, :m, :days, :required, :subsidy, :version, :by) on conflict do nothing""")
                .param("h", holdingId).param("p", holding.personId()).param("m", month.atDay(1)).param("days", daysWorked).param("required", requiredDays)
                .param("subsidy", subsidy).param("version", required.version()).param("by", by).update();
        if (recorded == 0) {
            throw new RuleViolationException("已登记", "该人员 " + month + " 的考勤和补贴已经登记。");
        }
        return new MonthlySubsidy(holdingId, month, daysWorked, requiredDays, subsidy);
    }

    public Suggestions suggestions(UUID alertId, Jurisdiction jurisdiction, int page, int size) {
        ReceivedAlert alert = alerts.find(alertId, jurisdiction)
                .orElseThrow(() -> new NotFoundException("没有找到该预警。"));
        List<UUID> candidates = people.labourersOf(alert.householdId());
        List<UUID> onAPost = candidates.isEmpty() ? List.of() : jdbc.sql(
                        "select person_id from post_holding where exited_on is null and person_id in (:people)")
                .param("people", candidates).query(UUID.class).list();
        List<UUID> labourers = candidates.stream().filter(p -> !onAPost.contains(p)).toList();
        String withFreeSeat = """
                select p.id, p.division_code, p.post_type, p.seats, p.monthly_subsidy, count(h.id)::int as holders
                from welfare_post p left join post_holding h on h.post_id = p.id and h.exited_on is null
                where p.division_code like :county
                group by p.id having count(h.id) < p.seats""";
        String county = DivisionCodes.countyOf(alert.divisionCode()) + "%";
        long total = jdbc.sql("select count(*) from (" + withFreeSeat + ") free").param("county", county)
                .query(Long.class).single();
        List<Post> posts = jdbc.sql("select id, division_code, post_type, seats, monthly_subsidy, holders from ("
                        + withFreeSeat + """
                        ) free
                        order by division_code = :village desc, left(division_code, 9) = left(:village, 9) desc,
                                 monthly_subsidy desc, id
                        limit :size offset :offset""")
                .param("county", county).param("village", alert.divisionCode())
                .param("size", size).param("offset", (long) page * size)
                .query(Post.class).list();
        return new Suggestions(alertId, alert.householdId(), labourers, new Page<>(posts, page, size, total));
    }

    public Post post(UUID postId, Jurisdiction jurisdiction) {
        return posts("p.id = :id and p.division_code like :scope", postId, jurisdiction).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("没有找到该公益性岗位。"));
    }

    /** The posts in the caller's division, by village and then in the order they were set. */
    public Page<Post> posts(Jurisdiction jurisdiction, int page, int size) {
        long total = jdbc.sql("select count(*) from welfare_post where division_code like :scope")
                .param("scope", jurisdiction.likePattern()).query(Long.class).single();
        List<Post> items = jdbc.sql("""
                        select p.id, p.division_code, p.post_type, p.seats, p.monthly_subsidy, count(h.id)::int as holders
                        from welfare_post p left join post_holding h on h.post_id = p.id and h.exited_on is null
                        where p.division_code like :scope group by p.id
                        order by p.division_code, p.created_at, p.id limit :size offset :offset""")
                .param("scope", jurisdiction.likePattern()).param("size", size).param("offset", (long) page * size)
                .query(Post.class).list();
        return new Page<>(items, page, size, total);
    }

    private List<Post> posts(String where, UUID id, Jurisdiction jurisdiction) {
        return jdbc.sql("""
                        select p.id, p.division_code, p.post_type, p.seats, p.monthly_subsidy, count(h.id)::int as holders
                        from welfare_post p left join post_holding h on h.post_id = p.id and h.exited_on is null
                        """ + " where " + where + " group by p.id order by p.division_code, p.created_at")
                .param("id", id).param("scope", jurisdiction.likePattern()).query(Post.class).list();
    }

    /** Everyone a post has had, in the order they were hired. */
    public Page<Holding> holdings(UUID postId, Jurisdiction jurisdiction, int page, int size) {
        post(postId, jurisdiction);
        long total = jdbc.sql("select count(*) from post_holding where post_id = :p").param("p", postId)
                .query(Long.class).single();
        List<Holding> items = jdbc.sql("""
                        select id, post_id, person_id, household_id, hired_on, exited_on, exit_reason, hired_by from post_holding
                        where post_id = :p order by hired_on, id limit :size offset :offset""")
                .param("p", postId).param("size", size).param("offset", (long) page * size).query(Holding.class).list();
        return new Page<>(items, page, size, total);
    }

    private Holding holdingInScope(UUID holdingId, Jurisdiction jurisdiction) {
        Holding holding = jdbc.sql("""
                        select h.id, h.post_id, h.person_id, h.household_id, h.hired_on, h.exited_on, h.exit_reason, h.hired_by
                        from post_holding h join welfare_post p on p.id = h.post_id
                        where h.id = :id and p.division_code like :scope for update of h""")
                .param("id", holdingId).param("scope", jurisdiction.likePattern()).query(Holding.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该聘用记录。"));
        return holding;
    }

    private Holding holding(UUID id) {
        return jdbc.sql("""
                        select id, post_id, person_id, household_id, hired_on, exited_on, exit_reason, hired_by from post_holding
                        where id = :id""")
                .param("id", id).query(Holding.class).single();
    }
}
