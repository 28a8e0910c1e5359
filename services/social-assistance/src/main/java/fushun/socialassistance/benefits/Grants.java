package fushun.socialassistance.benefits;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.PlatformTime;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.security.DivisionCodes;
import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import fushun.socialassistance.casework.CaseRef;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.dibao.DibaoCalendar;
import fushun.socialassistance.household.HouseholdRoster;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Granted benefits: opened by a decision, paid by the monthly {@link Payroll}, kept or stopped by reviews. */
@Service
public class Grants {

    /**
     * {@code reviewReason} MEMBER_LEFT: a covered member left the household, so the grant is reviewed
     * early; MEMBER_LEFT_PAID_AFTER: the departure was recorded after months from its stop month had
     * been paid with the leaver's share, which the review settles.
     */
    public record Grant(UUID id, UUID applicationId, UUID householdId, String divisionCode, Programme programme,
                        List<UUID> coveredPersons, BigDecimal monthlyAmount, YearMonth firstMonth, YearMonth stopMonth,
                        LocalDate nextReview, String status, LocalDate grantedOn, String reviewReason) {
    }

    /**
     * A person the grant covers; {@code stopMonth} and {@code share} once they left the household
     * (their share is not paid from that month on).
     */
    public record CoveredPerson(UUID personId, YearMonth stopMonth, BigDecimal share) {
    }

    /** One month of the schedule: paid (with the payroll's date) or still to pay. */
    public record ScheduledPayment(YearMonth month, BigDecimal amount, boolean paid) {
    }

    public record Review(boolean eligible, String reason, LocalDate decidedOn, String decidedBy) {
    }

    private final JdbcClient jdbc;
    private final CaseWork cases;
    private final HouseholdRoster roster;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final FeedCompleteness feeds;

    public Grants(JdbcClient jdbc, HouseholdRoster roster, PolicyParameters parameters, OutboxWriter outbox, Clock clock,
                  CaseWork cases, FeedCompleteness feeds) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.cases = cases;
        this.roster = roster;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Opens the grant for an approved application, paid from the month after the decision (the
     * mirror of the stop rule), reviewed after the programme's period (the longer one for dibao in
     * out-of-poverty households). Called under the household's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID open(Applications.Application application, HouseholdRoster.Standing household, List<UUID> covered,
              BigDecimal monthlyAmount, LocalDate decidedOn) {
        List<String> alreadyCovered = jdbc.sql("""
                        select distinct g.programme from grant_person gp join assistance_grant g on g.id = gp.grant_id
                        where g.status = 'ACTIVE' and gp.person_id in (:persons)""")
                .param("persons", covered).query(String.class).list();
        if (!alreadyCovered.isEmpty()) {
            throw new RuleViolationException("已在享受救助", "保障对象中有人已在享受"
                    + alreadyCovered.stream().map(p -> Programme.valueOf(p).label()).collect(Collectors.joining("、"))
                    + "，同一人不能同时重复纳入；如需调整，请先复核停发原待遇。");
        }
        LocalDate nextReview = nextReview(application.programme(), household, decidedOn);
        YearMonth firstMonth = YearMonth.from(decidedOn).plusMonths(1);
        UUID grantId = UUID.randomUUID();
        jdbc.sql("""
                        insert into assistance_grant (id, application_id, household_id, division_code, programme,
                            monthly_amount, first_month, next_review, status, granted_on)
                        values (:id, :application, :h, :division, :programme, :amount, :first, :review, 'ACTIVE', :on)""")
                .param("id", grantId).param("application", application.id()).param("h", household.householdId())
                .param("division", household.divisionCode()).param("programme", application.programme().name())
                .param("amount", monthlyAmount).param("first", firstMonth.atDay(1)).param("review", nextReview)
                .param("on", decidedOn).update();
        Map<UUID, String> refs = personRefs(household.householdId());
        for (UUID person : covered) {
            jdbc.sql("insert into grant_person (grant_id, person_id, person_ref) values (:g, :p, :ref)")
                    .param("g", grantId).param("p", person).param("ref", refs.get(person)).update();
        }
        publishStatus(true, household, application.programme(), AssistanceStatusChanged.Status.GRANTED, covered, refs,
                monthlyAmount, firstMonth.atDay(1), application.programme().label() + "批准，自 " + firstMonth + " 起发放");
        if (application.caseId() != null) {
            CaseRef link = cases.caseRef(application.caseId());
            outbox.append(Topics.SOCIAL_ASSISTANCE_MEASURE, household.householdId().toString(), household.divisionCode(),
                    new MeasureApplied(UUID.randomUUID(), link.assignmentId(), link.alertId(), household.householdId(),
                            Bureau.CIVIL_AFFAIRS, application.programme().measure(),
                            application.programme().label() + "：每月 " + Determination.plain(monthlyAmount) + " 元，自 "
                                    + firstMonth + " 起发放，" + nextReview + " 前复核",
                            monthlyAmount, decidedOn, clock.instant()));
        }
        return grantId;
    }

    /**
     * A covered member left the household (died, married out, moved away): their share stops from
     * the month after they left (the same rule as a negative review) and the grant is listed for
     * review, since the others' income per person has changed; when nobody covered is left, the
     * grant stops. Idempotent: a share already stopped stays as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void memberLeft(UUID householdId, UUID personId, LocalDate leftOn, String reasonLabel) {
        List<UUID> grants = jdbc.sql("""
                        select g.id from assistance_grant g join grant_person gp on gp.grant_id = g.id
                        where g.household_id = :h and g.status = 'ACTIVE' and gp.person_id = :p and gp.stop_month is null
                        order by g.id for update of g""")
                .param("h", householdId).param("p", personId).query(UUID.class).list();
        for (UUID grantId : grants) {
            GrantShares shares = jdbc.sql("""
                            select g.monthly_amount, g.first_month, count(gp.person_id) as covered,
                                   count(gp.person_id) filter (where gp.stop_month is null) as remaining,
                                   coalesce(sum(gp.share), 0) as stopped
                            from assistance_grant g join grant_person gp on gp.grant_id = g.id
                            where g.id = :g group by g.monthly_amount, g.first_month""")
                    .param("g", grantId).query(GrantShares.class).single();
            YearMonth stop = DibaoCalendar.firstMonthWithoutPayment(leftOn);
            YearMonth first = YearMonth.from(shares.firstMonth());
            if (stop.isBefore(first)) {
                stop = first;
            }
            BigDecimal share = GrantShare.ofLeaver(shares.monthlyAmount(), (int) shares.covered(), (int) shares.remaining(),
                    shares.stopped());
            jdbc.sql("update grant_person set stop_month = :stop, share = :share where grant_id = :g and person_id = :p")
                    .param("stop", stop.atDay(1)).param("share", share).param("g", grantId).param("p", personId).update();
            boolean nobodyLeft = shares.remaining() == 1;
            // recorded late: months from the stop month may be paid already; the review settles them
            long paidAfter = jdbc.sql("select count(*) from grant_payment where grant_id = :g and month >= :stop")
                    .param("g", grantId).param("stop", stop.atDay(1)).query(Long.class).single();
            jdbc.sql("""
                            update assistance_grant set review_reason = :reason, next_review = least(next_review, :today),
                                status = case when :last then 'STOPPED' else status end,
                                stop_month = case when :last then :stop else stop_month end
                            where id = :g""")
                    .param("today", PlatformTime.today(clock)).param("last", nobodyLeft).param("stop", stop.atDay(1))
                    .param("reason", paidAfter > 0 ? "MEMBER_LEFT_PAID_AFTER" : "MEMBER_LEFT")
                    .param("g", grantId).update();
            Grant grant = grants("g.id = :id", Map.of("id", grantId), 1, 0).get(0);
            HouseholdRoster.Standing household = roster.standing(householdId);
            // followed from monitoring's household change, not a civil-affairs submission: not counted in
            // the bureau's monthly feed (and no feed row is locked inside a listener's batch transaction)
            publishStatus(false, household, grant.programme(), AssistanceStatusChanged.Status.STOPPED, List.of(personId),
                    roster.personRefs(householdId), share, stop.atDay(1),
                    grant.programme().label() + "：成员减少（" + reasonLabel + "），自 " + stop + " 起停发其份额"
                            + (nobodyLeft ? "，待遇停发" : "，待遇列入复核"));
        }
    }

    private record GrantShares(BigDecimal monthlyAmount, LocalDate firstMonth, long covered, long remaining,
                               BigDecimal stopped) {
    }

    /**
     * Records a review. Still eligible: the grant goes on and the next review is set. No longer
     * eligible: payment stops from the month after the decision date (自复核决定之日的下月起停止救助).
     * Whoever submitted the application does not review the benefit it opened (职责分离).
     */
    @Transactional
    public Grant review(UUID grantId, boolean eligible, String reason, String by, Jurisdiction jurisdiction) {
        Grant grant = find(grantId, jurisdiction);
        HouseholdRoster.Standing household = roster.lockInScope(grant.householdId(), jurisdiction);
        String status = jdbc.sql("select status from assistance_grant where id = :id for update").param("id", grantId)
                .query(String.class).single();
        if (!status.equals("ACTIVE")) {
            throw new RuleViolationException("待遇已停发", "该待遇已经停发，不能再复核。");
        }
        String submittedBy = jdbc.sql("select submitted_by from assistance_application where id = :a")
                .param("a", grant.applicationId()).query(String.class).single();
        SeparationOfDuties.require(SeparationOfDuties.Step.REVIEW, by,
                new SeparationOfDuties.Matter("该待遇的申请", "the application for this benefit"),
                new SeparationOfDuties.Taken(SeparationOfDuties.Step.SUBMIT, submittedBy));
        LocalDate today = PlatformTime.today(clock);
        jdbc.sql("""
                        insert into grant_review (id, grant_id, eligible, reason, decided_on, decided_by)
                        values (:id, :g, :eligible, :reason, :on, :by)""")
                .param("id", UUID.randomUUID()).param("g", grantId).param("eligible", eligible).param("reason", reason)
                .param("on", today).param("by", by).update();
        if (eligible) {
            jdbc.sql("update assistance_grant set next_review = :next where id = :id")
                    .param("next", nextReview(grant.programme(), household, today)).param("id", grantId).update();
            return find(grantId, jurisdiction);
        }
        YearMonth stop = DibaoCalendar.firstMonthWithoutPayment(today);
        if (stop.isBefore(grant.firstMonth())) {
            stop = grant.firstMonth();
        }
        jdbc.sql("update assistance_grant set status = 'STOPPED', stop_month = :stop where id = :id")
                .param("stop", stop.atDay(1)).param("id", grantId).update();
        publishStatus(true, household, grant.programme(), AssistanceStatusChanged.Status.STOPPED, grant.coveredPersons(),
                personRefs(grant.householdId()), grant.monthlyAmount(), stop.atDay(1),
                grant.programme().label() + "复核不再符合条件，自 " + stop + " 起停发");
        return find(grantId, jurisdiction);
    }

    /**
     * The payment schedule: every month from the first, paid or not, up to the month before the
     * stop month, or for an active grant up to the month of its next review (at least this month).
     */
    public List<ScheduledPayment> schedule(UUID grantId, Jurisdiction jurisdiction) {
        Grant grant = find(grantId, jurisdiction);
        YearMonth last = grant.stopMonth() != null ? grant.stopMonth().minusMonths(1)
                : max(YearMonth.from(grant.nextReview()), YearMonth.from(PlatformTime.today(clock)));
        Map<YearMonth, BigDecimal> paid = jdbc.sql("select month, amount from grant_payment where grant_id = :g")
                .param("g", grantId)
                .query((rs, n) -> Map.entry(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<YearMonth, BigDecimal> stoppedShares = jdbc.sql("""
                        select stop_month, share from grant_person where grant_id = :g and stop_month is not null""")
                .param("g", grantId)
                .query((rs, n) -> Map.entry(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, BigDecimal::add));
        List<ScheduledPayment> schedule = new ArrayList<>();
        for (YearMonth m = grant.firstMonth(); !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            BigDecimal due = grant.monthlyAmount().subtract(stoppedShares.entrySet().stream()
                    .filter(e -> !e.getKey().isAfter(month)).map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add));
            schedule.add(new ScheduledPayment(m, paid.getOrDefault(m, due), paid.containsKey(m)));
        }
        return schedule;
    }

    public List<CoveredPerson> covered(UUID grantId, Jurisdiction jurisdiction) {
        find(grantId, jurisdiction);
        return jdbc.sql("select person_id, stop_month, share from grant_person where grant_id = :g order by person_id")
                .param("g", grantId)
                .query((rs, n) -> new CoveredPerson(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class) == null ? null : YearMonth.from(rs.getObject(2, LocalDate.class)),
                        rs.getBigDecimal(3)))
                .list();
    }

    public List<Review> reviews(UUID grantId, Jurisdiction jurisdiction) {
        find(grantId, jurisdiction);
        return jdbc.sql("select eligible, reason, decided_on, decided_by from grant_review where grant_id = :g order by recorded_at")
                .param("g", grantId).query(Review.class).list();
    }

    public Grant find(UUID grantId, Jurisdiction jurisdiction) {
        return grants("g.id = :id and g.division_code like :scope", Map.of("id", grantId, "scope", jurisdiction.likePattern()), 1, 0)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("没有找到该救助待遇。"));
    }

    /**
     * Grants in the caller's division, earliest review first, one page with the total;
     * {@code reviewDueBy} keeps the active ones due for review by that date.
     */
    public Page<Grant> list(Jurisdiction jurisdiction, UUID householdId, LocalDate reviewDueBy, int page, int size) {
        StringBuilder where = new StringBuilder("g.division_code like :scope");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("scope", jurisdiction.likePattern()));
        if (householdId != null) {
            where.append(" and g.household_id = :h");
            params.put("h", householdId);
        }
        if (reviewDueBy != null) {
            where.append(" and g.status = 'ACTIVE' and g.next_review <= :due");
            params.put("due", reviewDueBy);
        }
        long total = jdbc.sql("select count(*) from assistance_grant g where " + where).params(params)
                .query(Long.class).single();
        return new Page<>(grants(where.toString(), params, size, (long) page * size), page, size, total);
    }

    private List<Grant> grants(String where, Map<String, Object> params, int limit, long offset) {
        List<Grant> found = jdbc.sql("select g.* from assistance_grant g where " + where
                        + " order by g.next_review, g.id limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Grant(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getObject("household_id", UUID.class), rs.getString("division_code"),
                        Programme.valueOf(rs.getString("programme")), List.of(), rs.getBigDecimal("monthly_amount"),
                        YearMonth.from(rs.getObject("first_month", LocalDate.class)),
                        rs.getObject("stop_month", LocalDate.class) == null ? null
                                : YearMonth.from(rs.getObject("stop_month", LocalDate.class)),
                        rs.getObject("next_review", LocalDate.class), rs.getString("status"),
                        rs.getObject("granted_on", LocalDate.class), rs.getString("review_reason")))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<UUID, List<UUID>> persons = jdbc.sql("select grant_id, person_id from grant_person where grant_id in (:ids) order by person_id")
                .param("ids", found.stream().map(Grant::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return found.stream().map(g -> new Grant(g.id(), g.applicationId(), g.householdId(), g.divisionCode(),
                g.programme(), persons.getOrDefault(g.id(), List.of()), g.monthlyAmount(), g.firstMonth(), g.stopMonth(),
                g.nextReview(), g.status(), g.grantedOn(), g.reviewReason())).toList();
    }

    /**
     * Other bureaus get the change in fixed words: the operator's own reasons can carry health or
     * family details and stay in this service. Each dibao or 特困 status change is civil affairs'
     * monthly feed (报送完整性): counted for the county and the month of the decision.
     */
    /** @param submitted a civil-affairs decision (counted in the bureau's monthly feed), not a change followed from monitoring */
    private void publishStatus(boolean submitted, HouseholdRoster.Standing household, Programme programme,
                               AssistanceStatusChanged.Status status, List<UUID> persons, Map<UUID, String> refs,
                               BigDecimal amount, LocalDate effectiveFrom, String reason) {
        if (submitted) {
            feeds.arrived(Bureau.CIVIL_AFFAIRS, household.divisionCode(), YearMonth.from(PlatformTime.today(clock)),
                    clock.instant());
        }
        outbox.append(Topics.SOCIAL_ASSISTANCE_STATUS, household.householdId().toString(), household.divisionCode(),
                new AssistanceStatusChanged(UUID.randomUUID(), household.householdId(), household.divisionCode(),
                        programme.contract(), status,
                        persons.stream().map(p -> new AssistanceStatusChanged.Person(p, refs.get(p))).toList(),
                        amount, effectiveFrom, clip(reason), clock.instant()));
    }

    private Map<UUID, String> personRefs(UUID householdId) {
        return roster.personRefs(householdId);
    }

    /** The programme's review period from {@code on}; for dibao the longer one for households under the transition policies. */
    private LocalDate nextReview(Programme programme, HouseholdRoster.Standing household, LocalDate on) {
        String county = DivisionCodes.countyOf(household.divisionCode());
        int months = months(programme.reviewMonthsParameter(), county, on);
        return programme == Programme.DIBAO
                ? DibaoCalendar.nextReview(on, household.category(), household.notEntitledToPolicy(), months,
                months("dibao.review-months.out-of-poverty", county, on))
                : on.plusMonths(months);
    }

    private int months(String parameter, String county, LocalDate on) {
        return parameters.required(parameter, county, on).value().intValueExact();
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
