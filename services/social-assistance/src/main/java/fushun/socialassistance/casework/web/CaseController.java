package fushun.socialassistance.casework.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.casework.AssistanceCase;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.household.HouseholdRoster;
import fushun.contracts.RiskType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The civil-affairs queue and case page, limited to the caller's division: the operator works the
 * cases; reviewers and approvers read them for the applications and payouts they act on.
 */
@RestController
@RequestMapping("/api/social-assistance/cases")
@PreAuthorize(CivilAffairsRoles.READERS)
class CaseController {

    private final CaseWork cases;
    private final HouseholdRoster roster;
    private final CaseWebMapper mapper;

    CaseController(CaseWork cases, HouseholdRoster roster, CaseWebMapper mapper) {
        this.cases = cases;
        this.roster = roster;
        this.mapper = mapper;
    }

    record Close(@NotBlank(message = "必须填写办结情况") @Size(max = 1000, message = "办结情况最多1000字") String outcome) {
    }

    /**
     * The queue, overdue cases first. {@code q} searches members' names and masked ID numbers as
     * shown (e.g. the last four digits); a full ID number is never a search key here.
     */
    @GetMapping
    Page<CaseResponses.CaseSummary> queue(
            @RequestParam(required = false) @Pattern(regexp = "OPEN|CLOSED", message = "状态只能是 OPEN 或 CLOSED") String status,
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "区划代码应为6、9或12位数字") String division,
            @RequestParam(required = false) RiskType riskType,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Size(min = 1, max = 30, message = "搜索词为1到30个字符") String q,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        CaseWork.QueueFilter filter = new CaseWork.QueueFilter(status, division,
                riskType == null ? null : riskType.name(), overdue, q == null || q.isBlank() ? null : q.strip());
        Page<CaseWork.QueuedCase> result = cases.queue(Jurisdiction.current(), filter, page, size);
        return new Page<>(result.items().stream().map(c -> mapper.toSummary(c.assistanceCase(), c.headName())).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{caseId}")
    CaseResponses.CaseDetail detail(@PathVariable UUID caseId) {
        AssistanceCase found = cases.find(caseId, Jurisdiction.current());
        return mapper.toDetail(found, roster.find(found.householdId()).orElse(null));
    }

    /** Closes the case with its outcome; monitoring closes the assignment. */
    @PostMapping("/{caseId}/close")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    CaseResponses.CaseDetail close(@PathVariable UUID caseId, @Valid @RequestBody Close request) {
        AssistanceCase closed = cases.close(caseId, request.outcome(), Jurisdiction.current());
        return mapper.toDetail(closed, roster.find(closed.householdId()).orElse(null));
    }
}
