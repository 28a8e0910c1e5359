package fushun.monitoring.household;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The household's lines of its timeline: registered, and every change applied. */
@Component
class HouseholdTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    HouseholdTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select registered_at as at, 'REGISTERED' as kind, '登记为' || category as summary from household where id = :h
                union all
                select recorded_at, 'HOUSEHOLD_CHANGED', summary || '（' || effective_on || ' 起，' || recorded_by || ' 登记）'
                  from household_revision where household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
