package fushun.monitoring.timeline;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The household timeline, read straight from monitoring's own tables (the records stay; nothing
 * is rewritten), oldest first.
 */
@RestController
class Timeline {

    record Entry(Instant at, String kind, String summary) {
    }

    private static final String ENTRIES = """
            select registered_at as at, 'REGISTERED' as kind, '登记为' || category as summary from household where id = :h
            union all
            select recorded_at, 'HOUSEHOLD_CHANGED', summary || '（' || effective_on || ' 起，' || recorded_by || ' 登记）'
              from household_revision where household_id = :h
            union all
            select received_at, 'SIGNAL', source_bureau || '：' || risk_type || '，' || coalesce(outcome, '') from risk_signal where household_id = :h
            union all
            select recorded_at, 'VISIT', visited_by || ' 走访：' || findings from cadre_visit where household_id = :h
            union all
            select first_clue_at, 'IDENTIFICATION_OPENED', channel || '：' || risk_types || (case when green_channel then '（绿色通道）' else '' end)
              from identification where household_id = :h
            union all
            select d.decided_at, 'DECISION', d.step || ' ' || d.decision || '（' || d.decided_by || '）：' || d.reason
              from identification_decision d join identification i on i.id = d.identification_id where i.household_id = :h
            union all
            select cast(posted_on as timestamptz), 'PUBLIC_NOTICE', proposal || '：村内公示至 ' || ends_on from public_notice where household_id = :h
            union all
            select o.recorded_at, 'NOTICE_OBJECTION', '公示期间收到异议（' || o.received_on || '，' || o.recorded_by || ' 登记）'
              from notice_objection o join public_notice n on n.id = o.notice_id where n.household_id = :h
            union all
            select raised_at, 'ALERT', risk_types || '：' || explanation from risk_alert where household_id = :h
            union all
            select acknowledged_at, 'ACKNOWLEDGED', bureau || ' 已接收任务' from assignment where household_id = :h and acknowledged_at is not null
            union all
            select recorded_at, 'MEASURE', bureau || '：' || measure || coalesce('，' || description, '') from measure where household_id = :h
            union all
            select escalated_at, 'ESCALATED', bureau || ' 超期未办结（期限 ' || due_date || '）' from assignment where household_id = :h and escalated_at is not null
            union all
            select rolled_back_at, 'ELIMINATION_ROLLED_BACK', rolled_back_by || '：' || reason from elimination_rollback where household_id = :h
            union all
            select recorded_at, 'ASSISTANCE_STATUS', summary from assistance_change where household_id = :h
            union all
            select d.decided_at, 'RECHECK', r.year || ' 年度动态调整 ' || d.step || ' ' || d.decision
                   || coalesce(' ' || d.outcome, '') || '（' || d.decided_by || '）' || coalesce('：' || d.reason, '')
              from recheck_decision d join recheck_task t on t.id = d.task_id join recheck r on r.id = t.recheck_id
              where t.household_id = :h
            union all
            select cast(distributed_on as timestamptz), 'ASSET_INCOME', year || ' 年扶贫资产收益分配 ' || amount || ' 元' from asset_income_share where household_id = :h
            union all
            select closed_at, 'CLOSED', bureau || ' 办结：' || coalesce(outcome, '') from assignment where household_id = :h and closed_at is not null
            order by at, kind""";

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/monitoring/households/{householdId}/timeline")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    List<Entry> of(@PathVariable UUID householdId) {
        boolean visible = jdbc.sql("select count(*) from household where id = :h and division_code like :scope")
                .param("h", householdId).param("scope", Jurisdiction.current().likePattern()).query(Long.class).single() > 0;
        if (!visible) {
            throw new NotFoundException("没有找到该农户。");
        }
        return jdbc.sql(ENTRIES).param("h", householdId)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("summary")))
                .list();
    }
}
