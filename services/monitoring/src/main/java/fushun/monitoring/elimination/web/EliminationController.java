package fushun.monitoring.elimination.web;

import fushun.contracts.RiskType;
import fushun.monitoring.elimination.EliminationCheck;
import fushun.monitoring.elimination.EliminationRecords;
import fushun.monitoring.elimination.EliminationRequests;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "风险消除", description = "监测户标注风险消除：按当天情况检查前提条件（纳入监测满规定月数、已落实帮扶措施、收入稳定超过监测线、帮扶任务全部办结、有劳动能力），由村级提出，经村、乡、县认定程序确认；县级可回退已标注的风险消除。")
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
    @Operation(summary = "检查风险消除条件", description = "按今天的情况检查农户能否标注风险消除，逐项列出不满足的条件和所用的参数版本；只检查，不改动任何记录。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；农户不在本人辖区时答 404。")
    EliminationCheck.Result check(@Parameter(description = "农户 ID") @PathVariable UUID householdId) {
        divisionOf(householdId);
        return records.check(householdId);
    }

    /** A village cadre proposes elimination; refused with every unmet precondition listed. */
    @PostMapping
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer')")
    @Operation(summary = "提出风险消除", description = "村干部或乡镇审核人员说明理由，为满足全部条件的农户开启风险消除认定程序，返回认定事项 ID（identificationId），此后按村、乡、县程序办理。不满足条件时答 422，detail 列出全部未满足的条件；该户已有风险消除在认定中时也答 422。")
    Map<String, UUID> start(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"reason": "该户2026年落实公益性岗位和产业帮扶，人均纯收入连续稳定超过监测线，帮扶任务均已办结，建议标注风险消除。"}"""))) @Valid @RequestBody Reason request) {
        return Map.of("identificationId", requests.propose(householdId, divisionOf(householdId), request.reason()));
    }

    /** The county takes an elimination back (e.g. a review finds the income unstable). */
    @PostMapping("/rollback")
    @PreAuthorize("hasRole('county-approver')")
    @Operation(summary = "回退风险消除", description = "县级审批人说明理由，撤回农户最近一次标注的风险消除：相应预警重新打开，风险重新纳入监测，返回重新监测的风险类型（riskTypes）。不是县级用户，或该户没有已标注的风险消除时答 422。")
    Map<String, List<RiskType>> rollback(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"reason": "县级复查发现该户主要劳动力2026年11月起失业，收入不能稳定超过监测线。"}"""))) @Valid @RequestBody Reason request,
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
