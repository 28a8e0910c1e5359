package fushun.monitoring.risk.web;

import fushun.monitoring.risk.AlertView;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.security.Jurisdiction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "风险预警", description = "向农户发出的风险预警：风险类型和原因，以及按风险分派给各责任部门的帮扶任务和办理情况。")
class AlertController {

    private final RiskAlerts alerts;

    AlertController(RiskAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/monitoring/households/{householdId}/alerts")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    @Operation(summary = "查看农户的风险预警", description = "列出农户的全部风险预警，最新的在前，每条附其帮扶任务（责任部门、完成期限、状态、部门案件编号、签收时间）；不分页。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；农户不在本人辖区时答 404。")
    List<AlertView> alerts(@Parameter(description = "农户 ID") @PathVariable UUID householdId) {
        return alerts.alertsOf(householdId, Jurisdiction.current());
    }
}
