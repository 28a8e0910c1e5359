package fushun.socialassistance.temporaryaid;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.security.SeparationOfDuties;
import fushun.platform.web.ConflictException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import fushun.socialassistance.casework.CaseRef;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.household.HouseholdRoster;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The townships' reserve funds: balance, top-ups and payouts. A payout is recorded by one person and
 * reviewed by another (职责分离): outside the green channel the money leaves the fund only when the
 * review approves it; through the green channel it leaves at once and the review follows. A payout
 * that is paid keeps the day (paid_on) and announces {@link TemporaryAidPaid} in its transaction.
 */
@Service
public class ReserveFunds {

    static final String MAX_PAYOUT = "temporary-aid.max-payout";
    private static final SeparationOfDuties.Matter PAYOUT = new SeparationOfDuties.Matter("该笔临时救助支付",
            "this temporary-aid payout");
    private static final String MOVEMENT = """
            select id, kind, amount, household_id, reason, green_channel, status, recorded_by, recorded_at,
                   reviewed_by, reviewed_at, review_approved, review_note
            from fund_movement""";

    public record Fund(String townshipCode, BigDecimal balance) {
    }

    /**
     * {@code status}: DONE (the money moved), PENDING (a payout waiting for its review before
     * payment) or REFUSED (its review refused it; nothing paid). {@code reviewApproved}: the review's
     * finding; for a green-channel payout, whether the aid was due (the money is not taken back here).
     */
    public record Movement(UUID id, String kind, BigDecimal amount, UUID householdId, String reason, boolean greenChannel,
                           String status, String recordedBy, java.time.Instant recordedAt, String reviewedBy,
                           java.time.Instant reviewedAt, Boolean reviewApproved, String reviewNote) {
    }

    /** The fund after a payout was taken, and the payout as it stands (paid, or waiting for its review). */
    public record PayoutTaken(String townshipCode, BigDecimal balance, Movement payout) {
    }

    private final JdbcClient jdbc;
    private final CaseWork cases;
    private final HouseholdRoster roster;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public ReserveFunds(JdbcClient jdbc, HouseholdRoster roster, PolicyParameters parameters, OutboxWriter outbox,
                        Clock clock, CaseWork cases, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.cases = cases;
        this.roster = roster;
        this.parameters = parameters;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Adds money to a township's fund (opening it on the first top-up). */
    @Transactional
    public Fund topUp(String township, BigDecimal amount, String reason, String by, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        jdbc.sql("""
                        insert into reserve_fund (township_code, balance) values (:t, :a)
                        on conflict (township_code) do update set balance = reserve_fund.balance + excluded.balance,
                            updated_at = now()""")
                .param("t", township).param("a", amount).update();
        movement(township, "TOP_UP", amount, null, reason, false, by);
        return fund(township, jurisdiction);
    }

    /**
     * A payout as asked for. {@code requestId} is the caller's own id for this payout from this
     * township's fund: a request sent again (a retry after a timeout) pays nothing more, the same id
     * with a different payout is a conflict. {@code caseId} is optional.
     */
    public record Payout(UUID requestId, UUID householdId, UUID caseId, BigDecimal amount, String reason,
                         boolean greenChannel) {
    }

    /**
     * Records temporary aid from the township's fund for a registered household of that township.
     * Through the green channel it is paid at once (先救助后审核); otherwise it waits for its review
     * ({@link #review}), which pays it. See {@link #debit} for how the fund is never overdrawn.
     */
    @Transactional
    public PayoutTaken pay(String township, Payout payout, String by, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        HouseholdRoster.Standing household = roster.lockInScope(payout.householdId(), Jurisdiction.of(township));
        CaseRef assistanceCase = payout.caseId() == null ? null : cases.caseRef(payout.caseId(), jurisdiction)
                .orElseThrow(() -> new NotFoundException("没有找到该救助个案。"));
        if (assistanceCase != null && !assistanceCase.householdId().equals(payout.householdId())) {
            throw new RuleViolationException("救助对象不一致", "支付对象与个案中的农户不一致。");
        }
        PolicyValue limit = parameters.required(MAX_PAYOUT, township.substring(0, 6), PlatformTime.today(clock));
        if (payout.amount().compareTo(limit.value()) > 0) {
            throw new RuleViolationException("超过救助上限", "单次临时救助不能超过 " + limit.value().stripTrailingZeros().toPlainString()
                    + " 元（参数 " + limit.version() + "）。");
        }
        UUID id = UUID.randomUUID();
        LocalDate today = PlatformTime.today(clock);
        int recorded = jdbc.sql("""
                        insert into fund_movement (id, township_code, kind, amount, household_id, case_id, reason,
                                                   green_channel, status, recorded_by, request_id, paid_on)
                        values (:id, :t, 'PAYOUT', :a, :h, :case, :reason, :green, :status, :by, :request, :paidOn)
                        on conflict (township_code, request_id) where request_id is not null do nothing""")
                .param("id", id).param("t", township).param("a", payout.amount())
                .param("h", payout.householdId()).param("case", payout.caseId()).param("reason", payout.reason())
                .param("green", payout.greenChannel()).param("status", payout.greenChannel() ? "DONE" : "PENDING")
                .param("by", by).param("request", payout.requestId())
                .param("paidOn", payout.greenChannel() ? today : null)
                .update();
        if (recorded == 0) {
            Movement taken = sameAsTaken(township, payout);
            Fund fund = fund(township, jurisdiction);
            return new PayoutTaken(fund.townshipCode(), fund.balance(), taken);
        }
        if (payout.greenChannel()) {
            debit(township, payout.amount());
            announce(household, assistanceCase, payout.amount(), true);
            events.publishEvent(new TemporaryAidPaid(township, YearMonth.from(today)));
        }
        Fund fund = fund(township, jurisdiction);
        return new PayoutTaken(fund.townshipCode(), fund.balance(), movement(id));
    }

    /**
     * Takes the money from the fund in one conditional update, so concurrent payouts can never
     * overdraw it: the one that does not fit is refused (and its transaction rolled back).
     */
    private void debit(String township, BigDecimal amount) {
        int paid = jdbc.sql("""
                        update reserve_fund set balance = balance - :a, updated_at = now()
                        where township_code = :t and balance >= :a""")
                .param("t", township).param("a", amount).update();
        if (paid == 0) {
            throw new RuleViolationException("备用金余额不足", "该乡镇临时救助备用金余额不足以支付 "
                    + amount.toPlainString() + " 元，请先补充备用金。");
        }
    }

    /**
     * Civil affairs tells the other bureaus (status PAID); a payout for a case is also reported to
     * monitoring as the measure taken for the case's assignment. Both go through the outbox in the
     * payment's transaction, so they leave only if the money left the fund.
     */
    private void announce(HouseholdRoster.Standing household, CaseRef assistanceCase, BigDecimal amount,
                          boolean greenChannel) {
        List<AssistanceStatusChanged.Person> persons = roster.persons(household.householdId()).stream()
                .map(p -> new AssistanceStatusChanged.Person(p.personId(), p.personRef())).toList();
        outbox.append(Topics.SOCIAL_ASSISTANCE_STATUS, household.householdId().toString(), household.divisionCode(),
                new AssistanceStatusChanged(UUID.randomUUID(), household.householdId(), household.divisionCode(),
                        AssistanceStatusChanged.Programme.TEMPORARY_AID, AssistanceStatusChanged.Status.PAID, persons,
                        amount, PlatformTime.today(clock), "乡镇临时救助备用金支付", clock.instant()));
        if (assistanceCase != null) {
            outbox.append(Topics.SOCIAL_ASSISTANCE_MEASURE, household.householdId().toString(), assistanceCase.divisionCode(),
                    new MeasureApplied(UUID.randomUUID(), assistanceCase.assignmentId(), assistanceCase.alertId(),
                            household.householdId(), Bureau.CIVIL_AFFAIRS, "TEMPORARY_AID",
                            // fixed words: the operator's reason may carry health or family details and stays here
                            "临时救助：乡镇临时救助备用金支付" + (greenChannel ? "（绿色通道，先救助后审核）" : ""),
                            amount, PlatformTime.today(clock), clock.instant()));
        }
    }

    /**
     * A retry must ask for what the first request asked for; anything else under the same id is
     * refused. The payout taken first, as it stands now.
     */
    private Movement sameAsTaken(String township, Payout payout) {
        record Taken(UUID id, UUID householdId, UUID caseId, BigDecimal amount, String reason, boolean greenChannel) {
        }
        Taken taken = jdbc.sql("""
                        select id, household_id, case_id, amount, reason, green_channel from fund_movement
                        where township_code = :t and request_id = :request""")
                .param("t", township).param("request", payout.requestId()).query(Taken.class).single();
        boolean same = taken.householdId().equals(payout.householdId())
                && java.util.Objects.equals(taken.caseId(), payout.caseId())
                && taken.amount().compareTo(payout.amount()) == 0
                && java.util.Objects.equals(taken.reason(), payout.reason())
                && taken.greenChannel() == payout.greenChannel();
        if (!same) {
            throw new ConflictException("请求编号已使用", "该请求编号已用于本乡镇的另一笔支付（对象、金额或事由不同），未重复支付；"
                    + "新的支付请使用新的请求编号。");
        }
        return movement(taken.id());
    }

    public Fund fund(String township, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        return jdbc.sql("select township_code, balance from reserve_fund where township_code = :t").param("t", township)
                .query(Fund.class).optional().orElseThrow(() -> new NotFoundException("该乡镇尚未设立临时救助备用金。"));
    }

    /** The fund's movements, newest first, one page with the total. */
    public Page<Movement> movements(String township, Jurisdiction jurisdiction, int page, int size) {
        requireTownship(township, jurisdiction);
        long total = jdbc.sql("select count(*) from fund_movement where township_code = :t").param("t", township)
                .query(Long.class).single();
        List<Movement> items = jdbc.sql(MOVEMENT + " where township_code = :t order by recorded_at desc, id desc"
                        + " limit :size offset :offset")
                .param("t", township).param("size", size).param("offset", (long) page * size)
                .query(Movement.class).list();
        return new Page<>(items, page, size, total);
    }

    /**
     * Payouts waiting for their review, oldest first, one page with the total: those outside the
     * green channel, not paid until reviewed (PENDING), and green-channel ones paid first
     * (先救助后审核). {@code householdId}, if given, keeps one household's.
     */
    public Page<Movement> awaitingReview(String township, UUID householdId, Jurisdiction jurisdiction, int page, int size) {
        requireTownship(township, jurisdiction);
        String where = " where township_code = :t and kind = 'PAYOUT' and reviewed_at is null"
                + " and (status = 'PENDING' or green_channel) and (cast(:h as uuid) is null or household_id = :h)";
        long total = jdbc.sql("select count(*) from fund_movement" + where)
                .param("t", township).param("h", householdId).query(Long.class).single();
        List<Movement> items = jdbc.sql(MOVEMENT + where + " order by recorded_at, id limit :size offset :offset")
                .param("t", township).param("h", householdId).param("size", size).param("offset", (long) page * size)
                .query(Movement.class).list();
        return new Page<>(items, page, size, total);
    }

    /**
     * Records a payout's review, never by whoever recorded the payout (职责分离). A payout waiting
     * for it is paid when approved (and refused with nothing paid otherwise); a payout that would
     * overdraw the fund is refused and stays waiting. A green-channel payout was paid already: the
     * review records whether the aid was due, and recovery of aid not due is a case of its own.
     */
    @Transactional
    public Movement review(String township, UUID movementId, boolean approve, String note, String by,
                           Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        record Awaiting(UUID householdId, UUID caseId, BigDecimal amount, boolean greenChannel, String recordedBy) {
        }
        Awaiting payout = jdbc.sql("""
                        select household_id, case_id, amount, green_channel, recorded_by from fund_movement
                        where id = :id and township_code = :t and kind = 'PAYOUT' and reviewed_at is null
                          and (status = 'PENDING' or green_channel)
                        for update""")
                .param("id", movementId).param("t", township).query(Awaiting.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到待审核的临时救助支付。"));
        SeparationOfDuties.require(SeparationOfDuties.Step.REVIEW, by, PAYOUT,
                new SeparationOfDuties.Taken(SeparationOfDuties.Step.RECORD, payout.recordedBy()));
        String status = "DONE";
        boolean paidNow = !payout.greenChannel() && approve;
        LocalDate today = PlatformTime.today(clock);
        if (paidNow) {
            HouseholdRoster.Standing household = roster.lockInScope(payout.householdId(), Jurisdiction.of(township));
            debit(township, payout.amount());
            CaseRef assistanceCase = payout.caseId() == null ? null : cases.caseRef(payout.caseId());
            announce(household, assistanceCase, payout.amount(), false);
        } else if (!payout.greenChannel()) {
            status = "REFUSED";
        }
        // a green-channel payout keeps the day it was paid; a refused one was never paid
        jdbc.sql("""
                        update fund_movement set status = :status, reviewed_by = :by, reviewed_at = now(),
                            review_approved = :approve, review_note = :note,
                            paid_on = case when cast(:paidNow as boolean) then cast(:today as date) else paid_on end
                        where id = :id""")
                .param("status", status).param("by", by).param("approve", approve).param("note", note)
                .param("paidNow", paidNow).param("today", today).param("id", movementId).update();
        if (paidNow) {
            events.publishEvent(new TemporaryAidPaid(township, YearMonth.from(today)));
        }
        return movement(movementId);
    }

    private Movement movement(UUID id) {
        return jdbc.sql(MOVEMENT + " where id = :id").param("id", id).query(Movement.class).single();
    }

    private void movement(String township, String kind, BigDecimal amount, UUID householdId, String reason,
                          boolean greenChannel, String by) {
        jdbc.sql("""
                        insert into fund_movement (id, township_code, kind, amount, household_id, reason, green_channel, recorded_by)
                        values (:id, :t, :kind, :a, :h, :reason, :green, :by)""")
                .param("id", UUID.randomUUID()).param("t", township).param("kind", kind).param("a", amount)
                .param("h", householdId).param("reason", reason).param("green", greenChannel).param("by", by).update();
    }

    private static void requireTownship(String township, Jurisdiction jurisdiction) {
        if (township == null || !township.matches("2104\\d{5}")) {
            throw new RuleViolationException("乡镇代码无效", "应为抚顺市内9位乡镇行政区划代码。");
        }
        if (!jurisdiction.covers(township)) {
            throw new NotFoundException("该乡镇不在您的管辖范围内。");
        }
    }
}
