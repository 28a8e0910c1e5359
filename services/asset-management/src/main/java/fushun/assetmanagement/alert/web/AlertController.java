package fushun.assetmanagement.alert.web;

import fushun.assetmanagement.alert.ReceivedAlerts;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertController {

    private final ReceivedAlerts alerts;

    AlertController(ReceivedAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/asset-management/alerts")
    @PreAuthorize("hasAnyRole('asset-manager', 'analyst')")
    Page<ReceivedAlerts.ReceivedAlert> alerts(
            @RequestParam(defaultValue = "false") boolean namedOnly,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return alerts.list(Jurisdiction.current(), namedOnly, page, size);
    }
}
