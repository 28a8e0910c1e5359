package fushun.console.web;

import fushun.console.readmodel.Dashboards;
import fushun.platform.security.Jurisdiction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's own API: the read model's views, and what the browser needs to sign in. */
@RestController
class ConsoleController {

    private final Dashboards dashboards;
    private final String issuer;
    private final String clientId;

    ConsoleController(Dashboards dashboards, @Value("${console.oidc.issuer}") String issuer,
                      @Value("${console.oidc.client-id}") String clientId) {
        this.dashboards = dashboards;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    /** Where to sign in: the browser runs the authorization code flow with PKCE against it. */
    @GetMapping("/api/console/public/config")
    Map<String, String> config() {
        return Map.of("issuer", issuer, "clientId", clientId);
    }

    /** Monitored households per county for the public: counts under 5 are suppressed. */
    @GetMapping("/api/console/public/summary")
    List<Dashboards.PublicCount> publicSummary() {
        return dashboards.publicSummary();
    }

    @GetMapping("/api/console/dashboard")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'township-reviewer', 'admin')")
    Dashboards.Dashboard dashboard(
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}", message = "区域应为6位县区或9位乡镇代码") String area,
            @RequestParam(defaultValue = "12") @Min(value = 1, message = "至少1个月") @Max(value = 36, message = "最多36个月") int months) {
        return dashboards.dashboard(Jurisdiction.current(), area, months);
    }

    @GetMapping("/api/console/feeds")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    List<Dashboards.FeedMonth> feeds() {
        return dashboards.feeds(12);
    }

    /** The household's timeline across bureaus, for anyone whose division covers the household. */
    @GetMapping("/api/console/households/{householdId}/timeline")
    List<Dashboards.TimelineLine> timeline(@PathVariable UUID householdId) {
        return dashboards.timeline(householdId, Jurisdiction.current());
    }
}
