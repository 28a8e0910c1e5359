package fushun.monitoring.income;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The household's shares of asset income, for its timeline. */
@Component
class IncomeTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    IncomeTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select cast(distributed_on as timestamptz) as at, 'ASSET_INCOME' as kind,
                       year || ' 年扶贫资产收益分配 ' || amount || ' 元' as summary
                  from asset_income_share where household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
