package fushun.monitoring.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.platform.security.Jurisdiction;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The household timeline, oldest first: each feature contributes the lines of its own records (the
 * records stay; nothing is rewritten) through a {@link TimelineSource}, merged here.
 */
@RestController
@Tag(name = "农户时间线", description = "一户农户的全部经历按时间先后汇总：登记与变动、部门信号和走访、认定决定、风险预警、帮扶任务的签收与措施、收入、民政救助、年度动态调整、风险消除及回退；各功能的记录原样列出，不改写。")
class Timeline {

    private static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::kind);

    private final HouseholdRegistry households;
    private final List<TimelineSource> sources;

    Timeline(HouseholdRegistry households, List<TimelineSource> sources) {
        this.households = households;
        this.sources = sources;
    }

    @GetMapping("/api/monitoring/households/{householdId}/timeline")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    @Operation(summary = "查看农户时间线", description = "按时间先后列出农户的全部记录（时间、类别、摘要），不分页。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；农户不在本人辖区时答 404。")
    List<TimelineEntry> of(@Parameter(description = "农户 ID") @PathVariable UUID householdId) {
        households.divisionOf(householdId, Jurisdiction.current());
        return sources.stream().flatMap(source -> source.timelineOf(householdId).stream()).sorted(ORDER).toList();
    }
}
