package fushun.socialassistance.temporaryaid;

import fushun.platform.PlatformTime;
import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.bureau.MeasureApplied;
import fushun.contracts.socialassistance.AssistanceStatusChanged;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.ConflictException;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import fushun.socialassistance.household.HouseholdRoster;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The townships' reserve funds: balance, top-ups and payouts. */
@Service
public class ReserveFunds {

    static final String MAX_PAYOUT = "temporary-aid.max-payout";

    public record Fund(String townshipCode, BigDecimal balance) {
    }

    public record Movement(UUID id, String kind, BigDecimal amount, UUID householdId, String reason, boolean greenChannel,
                           String recordedBy, java.time.Instant recordedAt, String reviewedBy, java.time.Instant reviewedAt,
                           String reviewNote) {
    }

    private final JdbcClient jdbc;
    private final HouseholdRoster roster;
    private final PolicyParameters parameters;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ReserveFunds(JdbcClient jdbc, HouseholdRoster roster, PolicyParameters parameters, OutboxWriter outbox,
                        Clock clock) {
        this.jdbc = jdbc;
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
     * Pays temporary aid from the township's fund to a registered household of that township. The
     * balance is decreased in one conditional update, so concurrent payouts can never overdraw it:
     * the one that does not fit is refused. Civil affairs tells the other bureaus (status PAID); a
     * payout for a case is also reported to monitoring as the measure taken for the case's
     * assignment. Both go through the outbox in the same transaction, so they leave only if the
     * money left the fund.
     */
    @Transactional
    public Fund pay(String township, Payout payout, String by, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        HouseholdRoster.Standing household = roster.lockInScope(payout.householdId(), Jurisdiction.of(township));
        CaseRef assistanceCase = payout.caseId() == null ? null : jdbc.sql("""
                        select id, household_id, alert_id, assignment_id, division_code from assistance_case
                        where id = :id and division_code like :scope""")
                .param("id", payout.caseId()).param("scope", jurisdiction.likePattern()).query(CaseRef.class).optional()
                .orElseThrow(() -> new NotFoundException("没有找到该救助个案。"));
        if (assistanceCase != null && !assistanceCase.householdId().equals(payout.householdId())) {
            throw new RuleViolationException("救助对象不一致", "支付对象与个案中的农户不一致。");
        }
        PolicyValue limit = parameters.required(MAX_PAYOUT, township.substring(0, 6), PlatformTime.today(clock));
        if (payout.amount().compareTo(limit.value()) > 0) {
            throw new RuleViolationException("超过救助上限", "单次临时救助不能超过 " + limit.value().stripTrailingZeros().toPlainString()
                    + " 元（参数 " + limit.version() + "）。");
        }
        int recorded = jdbc.sql("""
                        insert into fund_movement (id, township_code, kind, amount, household_id, case_id, reason,
                                                   green_channel, recorded_by, request_id)
                        values (:id, :t, 'PAYOUT', :a, :h, :case, :reason, :green, :by, :request)
                        on conflict (township_code, request_id) where request_id is not null do nothing""")
                .param("id", UUID.randomUUID()).param("t", township).param("a", payout.amount())
                .param("h", payout.householdId()).param("case", payout.caseId()).param("reason", payout.reason())
                .param("green", payout.greenChannel()).param("by", by).param("request", payout.requestId())
                .update();
        if (recorded == 0) {
            sameAsTaken(township, payout);
            return fund(township, jurisdiction);
        }
        int paid = jdbc.sql("""
                        update reserve_fund set balance = balance - :a, updated_at = now()
                        where township_code = :t and balance >= :a""")
                .param("t", township).param("a", payout.amount()).update();
        if (paid == 0) {
            throw new RuleViolationException("备用金余额不足", "该乡镇临时救助备用金余额不足以支付 "
                    + payout.amount().toPlainString() + " 元，请先补充备用金。");
        }
        List<AssistanceStatusChanged.Person> persons = roster.persons(household.householdId()).stream()
                .map(p -> new AssistanceStatusChanged.Person(p.personId(), p.personRef())).toList();
        outbox.append(Topics.SOCIAL_ASSISTANCE_STATUS, household.householdId().toString(), household.divisionCode(),
                new AssistanceStatusChanged(UUID.randomUUID(), household.householdId(), household.divisionCode(),
                        AssistanceStatusChanged.Programme.TEMPORARY_AID, AssistanceStatusChanged.Status.PAID, persons,
                        payout.amount(), PlatformTime.today(clock), "乡镇临时救助备用金支付", clock.instant()));
        if (assistanceCase != null) {
            outbox.append(Topics.SOCIAL_ASSISTANCE_MEASURE, household.householdId().toString(), assistanceCase.divisionCode(),
                    new MeasureApplied(UUID.randomUUID(), assistanceCase.assignmentId(), assistanceCase.alertId(),
                            household.householdId(), Bureau.CIVIL_AFFAIRS, "TEMPORARY_AID",
                            // fixed words: the operator's reason may carry health or family details and stays here
                            "临时救助：乡镇临时救助备用金支付" + (payout.greenChannel() ? "（绿色通道，先救助后审核）" : ""),
                            payout.amount(), PlatformTime.today(clock), clock.instant()));
        }
        return fund(township, jurisdiction);
    }

    private record CaseRef(UUID id, UUID householdId, UUID alertId, UUID assignmentId, String divisionCode) {
    }

    /** A retry must ask for what the first request asked for; anything else under the same id is refused. */
    private void sameAsTaken(String township, Payout payout) {
        record Taken(UUID householdId, UUID caseId, BigDecimal amount, String reason, boolean greenChannel) {
        }
        Taken taken = jdbc.sql("""
                        select household_id, case_id, amount, reason, green_channel from fund_movement
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
    }

    public Fund fund(String township, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        return jdbc.sql("select township_code, balance from reserve_fund where township_code = :t").param("t", township)
                .query(Fund.class).optional().orElseThrow(() -> new NotFoundException("该乡镇尚未设立临时救助备用金。"));
    }

    public List<Movement> movements(String township, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        return jdbc.sql("""
                        select id, kind, amount, household_id, reason, green_channel, recorded_by, recorded_at,
                               reviewed_by, reviewed_at, review_note
                        from fund_movement where township_code = :t order by recorded_at desc limit 200""")
                .param("t", township).query(Movement.class).list();
    }

    /** Green-channel payouts not yet reviewed (先救助后审核), oldest first. */
    public List<Movement> awaitingReview(String township, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        return jdbc.sql("""
                        select id, kind, amount, household_id, reason, green_channel, recorded_by, recorded_at,
                               reviewed_by, reviewed_at, review_note
                        from fund_movement where township_code = :t and green_channel and reviewed_at is null
                        order by recorded_at""")
                .param("t", township).query(Movement.class).list();
    }

    /**
     * Records the review that follows a green-channel payout. The money is not taken back here: a
     * review that finds the aid was not due says so in its note, and recovery is a case of its own.
     */
    @Transactional
    public Movement review(String township, UUID movementId, String note, String by, Jurisdiction jurisdiction) {
        requireTownship(township, jurisdiction);
        int reviewed = jdbc.sql("""
                        update fund_movement set reviewed_by = :by, reviewed_at = now(), review_note = :note
                        where id = :id and township_code = :t and green_channel and reviewed_at is null""")
                .param("by", by).param("note", note).param("id", movementId).param("t", township).update();
        if (reviewed == 0) {
            throw new NotFoundException("没有找到待审核的绿色通道救助记录。");
        }
        return jdbc.sql("""
                        select id, kind, amount, household_id, reason, green_channel, recorded_by, recorded_at,
                               reviewed_by, reviewed_at, review_note
                        from fund_movement where id = :id""")
                .param("id", movementId).query(Movement.class).single();
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
