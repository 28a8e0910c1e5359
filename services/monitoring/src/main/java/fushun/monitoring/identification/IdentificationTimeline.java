package fushun.monitoring.identification;

import fushun.monitoring.timeline.TimelineEntry;
import fushun.monitoring.timeline.TimelineSource;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The household's identifications, decisions, public notices and objections, for its timeline. */
@Component
class IdentificationTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    IdentificationTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> timelineOf(UUID householdId) {
        return jdbc.sql("""
                select first_clue_at as at, 'IDENTIFICATION_OPENED' as kind,
                       channel || '：' || risk_types || (case when green_channel then '（绿色通道）' else '' end) as summary
                  from identification where household_id = :h
                union all
                select d.decided_at, 'DECISION', d.step || ' ' || d.decision || '（' || d.decided_by || '）：' || d.reason
                  from identification_decision d join identification i on i.id = d.identification_id where i.household_id = :h
                union all
                select cast(posted_on as timestamptz), 'PUBLIC_NOTICE', proposal || '：村内公示至 ' || ends_on
                  from public_notice where household_id = :h
                union all
                select o.recorded_at, 'NOTICE_OBJECTION', '公示期间收到异议（' || o.received_on || '，' || o.recorded_by || ' 登记）'
                  from notice_objection o join public_notice n on n.id = o.notice_id where n.household_id = :h""")
                .param("h", householdId).query(TimelineEntry.ROWS).list();
    }
}
