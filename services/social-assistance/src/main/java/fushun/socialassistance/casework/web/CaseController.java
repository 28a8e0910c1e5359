package fushun.socialassistance.casework.web;

import fushun.platform.security.Jurisdiction;
import fushun.socialassistance.casework.AssistanceCase;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.household.HouseholdRoster;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The civil-affairs operator's queue and case page, limited to the operator's division. */
@RestController
@RequestMapping("/api/social-assistance/cases")
@PreAuthorize("hasRole('civil-affairs-operator')")
class CaseController {

    private final CaseWork cases;
    private final HouseholdRoster roster;
    private final CaseWebMapper mapper;

    CaseController(CaseWork cases, HouseholdRoster roster, CaseWebMapper mapper) {
        this.cases = cases;
        this.roster = roster;
        this.mapper = mapper;
    }

    @GetMapping
    CaseResponses.QueuePage queue(
            @RequestParam(required = false) @Pattern(regexp = "OPEN|CLOSED", message = "状态只能是 OPEN 或 CLOSED") String status,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        CaseWork.Page<AssistanceCase> result = cases.queue(Jurisdiction.current(), status, page, size);
        return new CaseResponses.QueuePage(result.items().stream()
                .map(c -> mapper.toSummary(c, roster.find(c.householdId()).map(HouseholdRoster.RosterHousehold::headName).orElse(null)))
                .toList(), result.page(), result.size(), result.total());
    }

    @GetMapping("/{caseId}")
    CaseResponses.CaseDetail detail(@PathVariable UUID caseId) {
        AssistanceCase found = cases.find(caseId, Jurisdiction.current());
        return mapper.toDetail(found, roster.find(found.householdId()).orElse(null));
    }
}
