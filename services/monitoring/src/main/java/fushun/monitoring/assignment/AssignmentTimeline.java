package fushun.monitoring.assignment;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bureaus' answers to the household's assignments, for its timeline: received, measures, overdue, closed. */
@Component
class AssignmentTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    AssignmentTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select acknowledged_at as at, 'ACKNOWLEDGED' as kind, bureau || ' 已接收任务' as summary
                  from assignment where household_id = :h and acknowledged_at is not null
                union all
                select recorded_at, 'MEASURE', bureau || '：' || measure || coalesce('，' || description, '')
                  from measure where household_id = :h
                union all
                select escalated_at, 'ESCALATED', bureau || ' 超期未办结（期限 ' || due_date || '）'
                  from assignment where household_id = :h and escalated_at is not null
                union all
                select closed_at, 'CLOSED', bureau || ' 办结：' || coalesce(outcome, '')
                  from assignment where household_id = :h and closed_at is not null""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
