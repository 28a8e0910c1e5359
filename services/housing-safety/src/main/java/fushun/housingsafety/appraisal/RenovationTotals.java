package fushun.housingsafety.appraisal;

import fushun.contracts.Bureau;
import fushun.contracts.Topics;
import fushun.contracts.feed.MonthlyTotals;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.security.DivisionCodes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a county's month of renovations ({@link RenovationMonth}) as {@link MonthlyTotals} on
 * {@code housing-safety.feed.v1}, counted by one query in the transaction of the start or completion
 * that changed it, so the figures include it and a refused step publishes nothing.
 */
@Component
class RenovationTotals {

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    RenovationTotals(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The month of {@code on} in the county of {@code divisionCode}, counted again and published. */
    @Transactional(propagation = Propagation.MANDATORY)
    void publish(String divisionCode, LocalDate on) {
        String county = DivisionCodes.countyOf(divisionCode);
        YearMonth month = YearMonth.from(on);
        // the key's turn first, as the outbox takes it: a concurrent start or completion of the same month
        // commits before this one counts, so the count published last has them all
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
