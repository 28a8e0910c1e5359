package fushun.monitoring.assignment;

import fushun.contracts.Bureau;
import fushun.platform.PlatformTime;
import fushun.platform.metrics.RecentValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code monitoring_assignments_open{bureau}} and {@code monitoring_assignments_overdue{bureau}}:
 * the assignments not closed yet, and those of them past their deadline, per responsible bureau.
 * One grouped count over the open assignments (the partial index {@code assignment_open_due}) feeds
 * all the gauges and is read at most once per {@code monitoring.metrics.assignments-max-age}; no
 * row is loaded. A series per bureau of the fixed list, zero when it has none.
 */
@Component
public class AssignmentMetrics implements MeterBinder {

    public static final String OPEN = "monitoring.assignments.open";
    public static final String OVERDUE = "monitoring.assignments.overdue";

    /** Open and overdue assignments of one bureau. */
    record Counts(long open, long overdue) {
    }

    private static final Counts NONE = new Counts(0, 0);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecentValue<Map<Bureau, Counts>> counts;

    AssignmentMetrics(JdbcClient jdbc, Clock clock,
                      @Value("${monitoring.metrics.assignments-max-age:30s}") Duration maxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.counts = new RecentValue<>(this::count, maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Bureau bureau : Bureau.values()) {
            Gauge.builder(OPEN, counts, c -> c.get().getOrDefault(bureau, NONE).open())
                    .tag("bureau", bureau.name())
                    .description("assignments not closed yet, by responsible bureau").register(registry);
            Gauge.builder(OVERDUE, counts, c -> c.get().getOrDefault(bureau, NONE).overdue())
                    .tag("bureau", bureau.name())
                    .description("assignments not closed and past their deadline, by responsible bureau").register(registry);
        }
    }

    /** Overdue as the lists say it: not closed, and the deadline (a day in China) before today. */
    Map<Bureau, Counts> count() {
        Map<Bureau, Counts> byBureau = new EnumMap<>(Bureau.class);
        jdbc.sql("""
                        select bureau, count(*) as open, count(*) filter (where due_date < :today) as overdue
                        from assignment where status <> 'CLOSED' group by bureau""")
                .param("today", PlatformTime.today(clock))
                .query((rs, n) -> {
                    try {
                        byBureau.put(Bureau.valueOf(rs.getString("bureau")), new Counts(rs.getLong("open"), rs.getLong("overdue")));
                    } catch (IllegalArgumentException retired) {
                        // a bureau no longer in the list: it has no series
                    }
                    return null;
                }).list();
        return byBureau;
    }
}
