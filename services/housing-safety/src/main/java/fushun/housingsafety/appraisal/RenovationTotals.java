package fushun.housingsafety.appraisal;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.outbox.RelayWake;
import fushun.platform.security.DivisionCodes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes a county's month of renovations ({@link RenovationMonth}) as {@link MonthlyTotals} on
 * {@code housing-safety.feed.v1}, counted by one query in the transaction of the start or completion
 * that changed it, so the figures include it and a refused step publishes nothing. The months a
 * transaction touched are counted just before it commits, each after taking its key's turn, in county
 * and month order: a concurrent step of the same month commits before this one counts, and two
 * transactions (a move from A to B beside one from B to A) never wait for each other in a circle.
 */
@Component
class RenovationTotals {

    private record CountyMonth(String county, YearMonth month) {
    }

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final RelayWake relayWake;
    private final Clock clock;

    RenovationTotals(JdbcClient jdbc, OutboxWriter outbox, RelayWake relayWake, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.relayWake = relayWake;
        this.clock = clock;
    }

    /** The month of {@code on} in the county of {@code divisionCode}, counted again and published before the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    void publish(String divisionCode, LocalDate on) {
        pending().add(new CountyMonth(DivisionCodes.countyOf(divisionCode), YearMonth.from(on)));
    }

    @SuppressWarnings("unchecked")
    private Set<CountyMonth> pending() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Set<CountyMonth>) bound;
        }
        Set<CountyMonth> pending = new LinkedHashSet<>();
        TransactionSynchronizationManager.bindResource(this, pending);
        // registered now: a synchronization added while the commit runs them would not wake the relay
        relayWake.onCommit();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                pending.stream().sorted(Comparator.comparing(CountyMonth::county).thenComparing(CountyMonth::month))
                        .forEach(m -> count(m.county(), m.month()));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RenovationTotals.this);
            }
        });
        return pending;
    }

    private void count(String county, YearMonth month) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", RenovationMonth.key(county, month))
                .query((rs, n) -> 1).list();
        RenovationMonth.Counts counts = jdbc.sql("""
                        select count(distinct household_id) filter (where started_on >= :from and started_on < :to),
                               coalesce(sum(subsidy) filter (where started_on >= :from and started_on < :to), 0),
                               count(distinct household_id) filter (where completed_on >= :from and completed_on < :to),
                               coalesce(sum(subsidy) filter (where completed_on >= :from and completed_on < :to), 0)
                        from renovation
                        where division_code like :county
                          and (started_on >= :from and started_on < :to or completed_on >= :from and completed_on < :to)""")
                .param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1)).param("county", county + "%")
                .query((rs, n) -> new RenovationMonth.Counts(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3),
                        rs.getBigDecimal(4)))
                .single();
        outbox.append(Topics.HOUSING_SAFETY_FEED, RenovationMonth.key(county, month), county,
                new MonthlyTotals(Bureau.HOUSING, county, month.toString(), RenovationMonth.items(counts),
                        clock.instant()));
    }
}
