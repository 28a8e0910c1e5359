package fushun.monitoring.discovery;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cadres' visits to the household, for its timeline. */
@Component
class DiscoveryTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    DiscoveryTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select recorded_at as at, 'VISIT' as kind, visited_by || ' 走访：' || findings as summary
                  from cadre_visit where household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
