package fushun.monitoring.elimination.web;

import fushun.contracts.RiskType;
import fushun.monitoring.elimination.EliminationCheck;
import fushun.monitoring.elimination.EliminationRecords;
import fushun.monitoring.elimination.EliminationRequests;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Check the preconditions, start the confirming procedure, or take an elimination back. */
@RestController
@RequestMapping("/api/monitoring/households/{householdId}/elimination")
class EliminationController {

    record Reason(@NotBlank(message = "必须填写理由") @Size(max = 1000, message = "理由不超过1000字") String reason) {
    }

    private final EliminationRecords records;
    private final EliminationRequests requests;
    private final HouseholdRegistry households;

    EliminationController(EliminationRecords records, EliminationRequests requests, HouseholdRegistry households) {
        this.records = records;
        this.requests = requests;
        this.households = households;
    }

    @GetMapping("/check")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    EliminationCheck.Result check(@PathVariable UUID householdId) {
        divisionOf(householdId);
        return records.check(householdId);
    }

    /** A village cadre proposes elimination; refused with every unmet precondition listed. */
    @PostMapping
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer')")
    Map<String, UUID> start(@PathVariable UUID householdId, @Valid @RequestBody Reason request) {
        return Map.of("identificationId", requests.propose(householdId, divisionOf(householdId), request.reason()));
    }

    /** The county takes an elimination back (e.g. a review finds the income unstable). */
    @PostMapping("/rollback")
    @PreAuthorize("hasRole('county-approver')")
    Map<String, List<RiskType>> rollback(@PathVariable UUID householdId, @Valid @RequestBody Reason request,
                                         org.springframework.security.core.Authentication caller) {
        Jurisdiction county = Jurisdiction.current();
        if (county.prefix() == null || county.prefix().length() != 6) {
            throw new RuleViolationException("须由县级办理", "风险消除回退须由县级审批人办理。");
        }
        return Map.of("riskTypes", records.rollback(householdId, divisionOf(householdId), request.reason(), caller.getName()));
    }

    private String divisionOf(UUID householdId) {
        return households.divisionOf(householdId, Jurisdiction.current());
    }
}
