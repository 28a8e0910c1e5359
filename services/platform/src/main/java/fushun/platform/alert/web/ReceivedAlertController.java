package fushun.platform.alert.web;

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
public class ReceivedAlertController {

    private final ReceivedAlerts alerts;

    public ReceivedAlertController(ReceivedAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/${spring.application.name}/alerts")
    @PreAuthorize("hasAnyRole(@receivedAlerts.readers())")
    public Page<ReceivedAlert> alerts(
            @RequestParam(required = false) Boolean namedOnly,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        if (Boolean.TRUE.equals(namedOnly) && !alerts.answersForABureau()) {
            // rather than an empty list that looks like "nothing assigned to us yet"
            throw new RuleViolationException("本服务没有责任分工", "预警的责任分工不会点名本服务，请不带 namedOnly=true 查询全部预警。");
        }
        return alerts.list(Jurisdiction.current(), namedOnly == null ? alerts.answersForABureau() : namedOnly, page, size);
    }
}
