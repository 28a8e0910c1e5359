package fushun.monitoring.assistance;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Civil affairs' assistance changes, for the household's timeline. */
@Component
class AssistanceTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    AssistanceTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select recorded_at as at, 'ASSISTANCE_STATUS' as kind, summary from assistance_change where household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
