package fushun.monitoring.elimination;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Eliminations the county took back, for the household's timeline. */
@Component
class EliminationTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    EliminationTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select rolled_back_at as at, 'ELIMINATION_ROLLED_BACK' as kind, rolled_back_by || '：' || reason as summary
                  from elimination_rollback where household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
