package fushun.monitoring.identification.web;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.identification.IdentificationView;
import fushun.monitoring.identification.Identifications;
import fushun.monitoring.identification.Procedure;
import fushun.platform.security.CallerRoles;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The identification procedure for the village, township and county, each within their division. */
@RestController
@Tag(name = "认定与公示", description = "村级摸排、乡镇审核、县级认定三级程序（纳入监测对象或确认风险消除）：各级人员在本级辖区内逐级决定并说明理由；村级同意后在村内公示，公示期间登记异议，公示期满后乡镇方可审核（绿色通道且无异议的除外）。")
@RequestMapping("/api/monitoring/identifications")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
class IdentificationController {

    /** A step's decision; the county also names the category the household is monitored as. */
    record DecisionRequest(@NotNull(message = "必须选择同意或不同意") Procedure.Decision decision,
                           @NotBlank(message = "必须填写理由") @Size(max = 1000, message = "理由不超过1000字") String reason,
                           HouseholdCategory category) {
    }

    private final Identifications identifications;

    IdentificationController(Identifications identifications) {
        this.identifications = identifications;
    }

    /** Open procedures, oldest first, paged with the total; {@code overdue=true} lists those past the clock's deadline. */
    @GetMapping
    @Operation(summary = "查看办理中的认定事项", description = "分页列出当前用户辖区内尚未办结的认定事项（纳入监测或风险消除），含各级已作出的决定，首条线索最早的在前，附总数；overdue=true 只看已超过办理时限的。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查。")
    Page<IdentificationView> open(@Parameter(description = "只看已超过办理时限（自首条线索起计）的事项") @RequestParam(defaultValue = "false") boolean overdue,
                                  @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                  @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条")
                                  @Max(value = 200, message = "每页最多200条") int size) {
        return identifications.open(Jurisdiction.current(), overdue, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看认定事项", description = "一件认定事项的事由、风险类型、当前环节、办理时限和各级决定（谁、何时、理由）。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；不在本人辖区时答 404。")
    IdentificationView one(@Parameter(description = "认定事项 ID") @PathVariable UUID id) {
        return identifications.find(id, Jurisdiction.current());
    }

    @PostMapping("/{id}/decisions")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    @Operation(summary = "办理认定环节", description = "当前环节的人员作出同意或不同意的决定并说明理由：村级摸排由本村村干部、乡镇审核由本乡镇审核人员、县级认定由本县审批人办理；县级同意纳入监测时须确定监测类别（category），不同意即结束程序。村级同意后在村内张贴公示。环节、角色或辖区不符，公示期未满时乡镇同意（绿色通道且无异议的除外），县级未确定允许的类别，或县级确认风险消除时条件已不满足，均答 422。")
    IdentificationView decide(@Parameter(description = "认定事项 ID") @PathVariable UUID id,
                              @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                                      @ExampleObject(name = "村级或乡镇同意", value = """
            {"decision": "APPROVE", "reason": "经入户核实，户主患尿毒症长期透析，医疗支出大，家庭人均纯收入低于监测线，同意上报。"}"""),
                                      @ExampleObject(name = "县级认定", value = """
            {"decision": "APPROVE", "reason": "公示无异议，乡镇审核意见属实，认定为监测对象。", "category": "MARGINAL"}""")})) @Valid @RequestBody DecisionRequest request, Authentication caller) {
        return identifications.decide(id, request.decision(), request.reason(), request.category(), caller.getName(),
                CallerRoles.current(), Jurisdiction.current());
    }
}
