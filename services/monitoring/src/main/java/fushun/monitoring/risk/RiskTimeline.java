package fushun.monitoring.risk;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The household's signals and risk alerts, for its timeline. */
@Component
class RiskTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    RiskTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select received_at as at, 'SIGNAL' as kind, source_bureau || '：' || risk_type || '，' || coalesce(outcome, '') as summary
                  from risk_signal where household_id = :h
                union all
                select raised_at, 'ALERT', risk_types || '：' || explanation from risk_alert where household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
