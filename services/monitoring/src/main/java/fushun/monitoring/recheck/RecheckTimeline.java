package fushun.monitoring.recheck;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The annual recheck's decisions on the household, for its timeline. */
@Component
class RecheckTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    RecheckTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select d.decided_at as at, 'RECHECK' as kind, r.year || ' 年度动态调整 ' || d.step || ' ' || d.decision
                       || coalesce(' ' || d.outcome, '') || '（' || d.decided_by || '）' || coalesce('：' || d.reason, '') as summary
                  from recheck_decision d join recheck_task t on t.id = d.task_id join recheck r on r.id = t.recheck_id
                 where t.household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
