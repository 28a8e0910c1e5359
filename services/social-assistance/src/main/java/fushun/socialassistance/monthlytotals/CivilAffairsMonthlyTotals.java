package fushun.socialassistance.monthlytotals;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.platform.outbox.OutboxWriter;
import fushun.socialassistance.benefits.PayrollPaid;
import fushun.socialassistance.benefits.PayrollTotals;
import fushun.socialassistance.temporaryaid.PayoutTotals;
import fushun.socialassistance.temporaryaid.TemporaryAidPaid;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what civil affairs paid in one county and month (the payroll per programme, temporary aid
 * per township fund) and publishes it as {@link MonthlyTotals} in the transaction of the payment
 * that changed it: a payroll run that paid someone, a payout paid through the green channel or by
 * its approving review. Each owning feature counts its own tables in one aggregate statement.
 */
@Component
public class CivilAffairsMonthlyTotals {

    /** The township names this service knows: none, its roster keeps division codes only. */
    private static final Map<String, String> TOWNSHIP_NAMES = Map.of();

    private final PayrollTotals payroll;
    private final PayoutTotals payouts;
    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    public CivilAffairsMonthlyTotals(PayrollTotals payroll, PayoutTotals payouts, OutboxWriter outbox, JdbcClient jdbc,
                                     Clock clock) {
        this.payroll = payroll;
        this.payouts = payouts;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The county's month as the records stand, counted now. */
    public MonthlyTotals count(String county, YearMonth month) {
        return new MonthlyTotals(Bureau.CIVIL_AFFAIRS, county, month.toString(),
                PaymentLines.of(payroll.of(county, month), payouts.of(county, month), TOWNSHIP_NAMES), clock.instant());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PayrollPaid paid) {
        publish(paid.county(), paid.month());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TemporaryAidPaid paid) {
        publish(paid.county(), paid.month());
    }

    /**
     * Takes the key's turn before counting (the lock the outbox takes for the key, held to the
     * commit): a payment of the same county and month in another transaction counts after this one
     * commits and so sees its rows, and the totals sent last are the newest.
     */
    private void publish(String county, YearMonth month) {
        String key = key(county, month);
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", key).query((rs, n) -> 1).list();
        outbox.append(Topics.SOCIAL_ASSISTANCE_FEED, key, county, count(county, month));
    }

    /** {@code 210422/2026-11/CIVIL_AFFAIRS}. */
    static String key(String county, YearMonth month) {
        return county + "/" + month + "/" + Bureau.CIVIL_AFFAIRS.name();
    }
}
