package fushun.monitoring.household.web;

import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.HouseholdView;
import fushun.platform.security.Jurisdiction;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/monitoring/households")
class HouseholdController {

    private final HouseholdRegistry registry;
    private final HouseholdWebMapper mapper;

    HouseholdController(HouseholdRegistry registry, HouseholdWebMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'admin')")
    ResponseEntity<Map<String, UUID>> register(@Valid @RequestBody RegisterHouseholdRequest request) {
        UUID id = registry.register(mapper.toCommand(request), Jurisdiction.current());
        return ResponseEntity.created(URI.create("/api/monitoring/households/" + id)).body(Map.of("householdId", id));
    }

    record RevealRequest(@jakarta.validation.constraints.NotBlank(message = "必须填写查看理由")
                         @jakarta.validation.constraints.Size(max = 500, message = "理由最多500字") String reason) {
    }

    /** A member's full ID number for roles allowed to see it (pii-reveal), with a reason; audited. */
    @PostMapping("/{householdId}/members/{memberId}/reveal")
    @PreAuthorize("hasRole('pii-reveal')")
    Map<String, String> reveal(@PathVariable UUID householdId, @PathVariable UUID memberId,
                               @Valid @RequestBody RevealRequest request,
                               org.springframework.security.core.Authentication caller) {
        return Map.of("idNumber", registry.revealIdNumber(householdId, memberId, caller.getName(), request.reason(),
                Jurisdiction.current()));
    }

    @GetMapping("/{householdId}")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    HouseholdView household(@PathVariable UUID householdId) {
        return registry.find(householdId, Jurisdiction.current());
    }
}
