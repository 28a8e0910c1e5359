package fushun.socialassistance.casework.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.casework.AssistanceCase;
import fushun.socialassistance.casework.CaseWork;
import fushun.socialassistance.household.HouseholdRoster;
import fushun.contracts.RiskType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "救助个案", description = "监测预警点名民政局时开立的救助个案：民政经办人跟进并办结，乡镇审核员和县审批人查看；只限当前用户辖区内的个案。")
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

    @Schema(name = "CaseClosing", description = "办结个案：办结情况（采取的措施和结果）")
    record Close(@NotBlank(message = "必须填写办结情况") @Size(max = 1000, message = "办结情况最多1000字") String outcome) {
    }

    /**
     * The queue, overdue cases first. {@code q} searches members' names and masked ID numbers as
     * shown (e.g. the last four digits); a full ID number is never a search key here.
     */
    @GetMapping
    @Operation(summary = "查看救助个案队列", description = "分页列出当前用户辖区内的救助个案：逾期未办结的在前，其余按开立时间从新到旧。"
            + "可按状态、区划、风险类型和是否逾期筛选；q 按成员姓名或显示出来的脱敏身份证号（如末四位）搜索，不以完整身份证号查询。"
            + "民政经办人、审核员和审批人可查。")
    Page<CaseResponses.CaseSummary> queue(
            @Parameter(description = "个案状态：OPEN（办理中）或 CLOSED（已办结）") @RequestParam(required = false) @Pattern(regexp = "OPEN|CLOSED", message = "状态只能是 OPEN 或 CLOSED") String status,
            @Parameter(description = "行政区划代码（6位县区、9位乡镇或12位村），只看该区划内的个案，例如 210422100") @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "区划代码应为6、9或12位数字") String division,
            @Parameter(description = "风险类型，只看含该风险的个案") @RequestParam(required = false) RiskType riskType,
            @Parameter(description = "只看逾期未办结的个案") @RequestParam(defaultValue = "false") boolean overdue,
            @Parameter(description = "搜索词（1–30个字符）：成员姓名，或脱敏身份证号中显示的数字") @RequestParam(required = false) @Size(min = 1, max = 30, message = "搜索词为1到30个字符") String q,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        CaseWork.QueueFilter filter = new CaseWork.QueueFilter(status, division,
                riskType == null ? null : riskType.name(), overdue, q == null || q.isBlank() ? null : q.strip());
        Page<CaseWork.QueuedCase> result = cases.queue(Jurisdiction.current(), filter, page, size);
        return new Page<>(result.items().stream().map(c -> mapper.toSummary(c.assistanceCase(), c.headName())).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "查看救助个案", description = "一个救助个案：预警的风险类型和说明、办理期限、办结情况，以及农户和成员（身份证号脱敏，personId 供申请时指定成员）；"
            + "农户的登记信息尚未同步到本服务时 household 为空。民政经办人、审核员和审批人可查。")
    CaseResponses.CaseDetail detail(@Parameter(description = "救助个案编号") @PathVariable UUID caseId) {
        AssistanceCase found = cases.find(caseId, Jurisdiction.current());
        return mapper.toDetail(found, roster.find(found.householdId()).orElse(null));
    }

    /** Closes the case with its outcome; monitoring closes the assignment. */
    @PostMapping("/{caseId}/close")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    @Operation(summary = "办结救助个案", description = "民政经办人填写办结情况，办结一个办理中的个案，并通知监测服务关闭对应的帮扶任务（CaseClosed 事件）。"
            + "个案已经办结的答 422。")
    CaseResponses.CaseDetail close(@Parameter(description = "救助个案编号") @PathVariable UUID caseId,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"outcome": "经入户核查，已受理该户低保申请并批准，自2026年7月起每月发放，个案办结。"}"""))) @Valid @RequestBody Close request) {
        AssistanceCase closed = cases.close(caseId, request.outcome(), Jurisdiction.current());
        return mapper.toDetail(closed, roster.find(closed.householdId()).orElse(null));
    }
}
