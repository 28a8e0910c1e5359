package fushun.platform.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import fushun.platform.alert.ReceivedAlert;
import fushun.platform.alert.ReceivedAlerts;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.platform.web.RuleViolationException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A bureau's received alerts under {@code /api/<service>/alerts}, within the caller's division, for
 * the roles the service names ({@code platform.alerts.readers}). By default only the alerts that name
 * the bureau; {@code namedOnly=false} for all.
 */
@RestController
@Tag(name = "收到的预警", description = "监测服务发来的风险预警中本部门收到的部分（限于当前用户的辖区），以及本部门是否被点名承担帮扶任务。")
public class ReceivedAlertController {

    private final ReceivedAlerts alerts;

    public ReceivedAlertController(ReceivedAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/${spring.application.name}/alerts")
    @PreAuthorize("hasAnyRole(@receivedAlerts.readers())")
    @Operation(summary = "查看收到的风险预警", description = "分页列出本服务收到的风险预警，最新的在前。默认只列点名本部门的预警；namedOnly=false 列出全部。不承担分工的服务只能查全部，带 namedOnly=true 时答 422。")
    public Page<ReceivedAlert> alerts(
            @Parameter(description = "只看点名本部门的预警（默认：本服务承担分工时为是）") @RequestParam(required = false) Boolean namedOnly,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        if (Boolean.TRUE.equals(namedOnly) && !alerts.answersForABureau()) {
            // rather than an empty list that looks like "nothing assigned to us yet"
            throw new RuleViolationException("本服务没有责任分工", "预警的责任分工不会点名本服务，请不带 namedOnly=true 查询全部预警。");
        }
        return alerts.list(Jurisdiction.current(), namedOnly == null ? alerts.answersForABureau() : namedOnly, page, size);
    }
}
