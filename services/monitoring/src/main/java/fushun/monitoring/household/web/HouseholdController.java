package fushun.monitoring.household.web;

import fushun.platform.web.Page;

import fushun.monitoring.household.HouseholdChanges;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.HouseholdView;
import fushun.platform.security.Jurisdiction;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/monitoring/households")
class HouseholdController {

    private final HouseholdRegistry registry;
    private final HouseholdChanges changes;
    private final HouseholdWebMapper mapper;

    HouseholdController(HouseholdRegistry registry, HouseholdChanges changes, HouseholdWebMapper mapper) {
        this.registry = registry;
        this.changes = changes;
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

    /** The household now, or as it was on {@code asOf} (members, capacities, place, category, flag). */
    @GetMapping("/{householdId}")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    HouseholdView household(@PathVariable UUID householdId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return asOf == null ? registry.find(householdId, Jurisdiction.current())
                : changes.asOf(householdId, asOf, Jurisdiction.current());
    }

    /**
     * A change recorded by the village (动态调整): effective-dated, with who and why, kept as a
     * revision and published as {@code HouseholdChanged}.
     */
    @PostMapping("/{householdId}/changes")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'admin')")
    ResponseEntity<HouseholdChanges.Revision> change(@PathVariable UUID householdId,
                                                     @Valid @RequestBody HouseholdChangeRequest request,
                                                     org.springframework.security.core.Authentication caller) {
        HouseholdChanges.Revision revision = changes.record(householdId, mapper.toCommand(request), caller.getName(),
                Jurisdiction.current());
        return ResponseEntity.created(URI.create("/api/monitoring/households/" + householdId + "/changes"))
                .body(revision);
    }

    /** The household's revisions, newest first, with a total. */
    @GetMapping("/{householdId}/changes")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    Page<HouseholdChanges.Revision> revisions(
            @PathVariable UUID householdId,
            @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(defaultValue = "20") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int size) {
        return changes.revisions(householdId, Jurisdiction.current(), page, size);
    }
}
