package fushun.employment.totals;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.employment.pension.PensionPremiums;
import fushun.employment.posts.PostPayroll;
import fushun.platform.PlatformTime;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.DivisionCodes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes a county's month ({@link EmploymentMonth}) as {@link MonthlyTotals} on
 * {@code employment.feed.v1}, in the transaction that changed it, and only when its figures differ
 * from those last published (a refused or idle change publishes nothing). An attendance counts its
 * month at once. A change of who is on a pension roster (a household registered, changed, confirmed or
 * out of monitoring, dibao or 特困 granted or stopped) counts the January of the year once per county
 * just before its transaction commits, however many households a poll brought.
 */
@Service
public class EmploymentTotals {

    private record CountyMonth(String county, YearMonth month) {
    }

    private final JdbcClient jdbc;
    private final PostPayroll posts;
    private final PensionPremiums premiums;
    private final OutboxWriter outbox;
    private final Clock clock;

    EmploymentTotals(JdbcClient jdbc, PostPayroll posts, PensionPremiums premiums, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.premiums = premiums;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Attendance was recorded for {@code month} on a post in {@code divisionCode}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attendanceRecorded(String divisionCode, YearMonth month) {
        publish(new CountyMonth(DivisionCodes.countyOf(divisionCode), month));
    }

    /**
     * Who is on the pension rosters of these divisions' counties may have changed, from
     * {@code effectiveOn} (null: today): this year's roster is counted again, and that of the year of
     * {@code effectiveOn} if it is an earlier one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rostersMayHaveChanged(Collection<String> divisionCodes, LocalDate effectiveOn) {
        int thisYear = PlatformTime.today(clock).getYear();
        Set<Integer> years = new LinkedHashSet<>(List.of(thisYear));
        // a fact of an earlier year counts in every year since (a register dated back, a status from then)
        for (int year = effectiveOn == null ? thisYear : effectiveOn.getYear(); year < thisYear; year++) {
            years.add(year);
        }
        Set<CountyMonth> pending = pending();
        for (String division : divisionCodes) {
            if (DivisionCodes.isWellFormed(division)) {
                years.forEach(year -> pending.add(new CountyMonth(DivisionCodes.countyOf(division),
                        EmploymentMonth.premiumMonth(year))));
            }
        }
    }

    /** The county months to count before this transaction commits, bound to it. */
    @SuppressWarnings("unchecked")
    private Set<CountyMonth> pending() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Set<CountyMonth>) bound;
        }
        Set<CountyMonth> pending = new LinkedHashSet<>();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                // in one order for every transaction, so two of them never wait for each other in a circle
                pending.stream().sorted(java.util.Comparator.comparing(CountyMonth::county).thenComparing(CountyMonth::month))
                        .toList().forEach(EmploymentTotals.this::publish);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EmploymentTotals.this);
            }
        });
        return pending;
    }

    private void publish(CountyMonth at) {
        // the key's turn first, as the outbox takes it: a concurrent attendance of the same month commits
        // before this one counts, so the figures published last have them all
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", EmploymentMonth.key(at.county(), at.month()))
                .query((rs, n) -> 1).list();
        PensionPremiums.Coverage year = EmploymentMonth.carriesPremiums(at.month())
                ? premiums.coverage(at.county(), at.month().getYear()).orElse(null) : null;
        List<MonthlyTotals.Item> items = EmploymentMonth.items(posts.paid(at.county(), at.month()), year);
        String figures = EmploymentMonth.figures(items);
        Instant now = clock.instant();
        // nothing published before and nothing paid: nothing to say; otherwise only figures that changed
        int changed = items.isEmpty()
                ? jdbc.sql("""
                        update monthly_totals_published set figures = '', published_at = :at
                        where county = :county and month = :month and figures <> ''""")
                .param("county", at.county()).param("month", at.month().atDay(1)).param("at", Timestamp.from(now))
                .update()
                : jdbc.sql("""
                        insert into monthly_totals_published (county, month, figures, published_at)
                        values (:county, :month, :figures, :at)
                        on conflict (county, month) do update set figures = excluded.figures, published_at = excluded.published_at
                        where monthly_totals_published.figures <> excluded.figures""")
                .param("county", at.county()).param("month", at.month().atDay(1)).param("figures", figures)
                .param("at", Timestamp.from(now)).update();
        if (changed == 1) {
            outbox.append(Topics.EMPLOYMENT_FEED, EmploymentMonth.key(at.county(), at.month()), at.county(),
                    new MonthlyTotals(Bureau.HUMAN_RESOURCES, at.county(), at.month().toString(), items, now));
        }
    }
}
