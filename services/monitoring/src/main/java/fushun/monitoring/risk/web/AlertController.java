package fushun.monitoring.risk.web;

import fushun.monitoring.risk.AlertView;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.security.Jurisdiction;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlertController {

    private final RiskAlerts alerts;

    AlertController(RiskAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/monitoring/households/{householdId}/alerts")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    List<AlertView> alerts(@PathVariable UUID householdId) {
        return alerts.alertsOf(householdId, Jurisdiction.current());
    }
}
