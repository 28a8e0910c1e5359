package fushun.monitoring.recheck.web;

import fushun.platform.web.Page;
import fushun.monitoring.recheck.RecheckProgress;
import fushun.monitoring.recheck.RecheckSteps;
import fushun.monitoring.recheck.RecheckTaskView;
import fushun.monitoring.recheck.RecheckTasks;
import fushun.monitoring.recheck.RecheckView;
import fushun.monitoring.recheck.Rechecks;
import fushun.contracts.HouseholdCategory;
import fushun.platform.security.CallerRoles;
import fushun.platform.security.DivisionCodes;
import fushun.platform.security.Jurisdiction;
import fushun.platform.validation.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The year's re-check: the county opens it, the village visits, the township reviews, the county confirms. */
@RestController
@Tag(name = "年度动态调整", description = "县级审批人开启本县某年度的动态调整，本县每户在监测的农户生成一项任务：村干部入户走访（人均纯收入和结论），乡镇审核，县级确认；确认后继续监测、调整监测类别或进入风险消除认定程序。")
@RequestMapping("/api/monitoring")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
class RecheckController {

    record OpenRequest(@NotNull(message = "必须填写年度") @Min(value = Rechecks.FIRST_YEAR, message = "年度不能早于2021年") Integer year,
                       @NotNull(message = "必须填写完成期限") LocalDate dueDate) {
    }

    record VisitRequest(@NotNull(message = "必须填写走访日期")
                        @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "走访日期应在2021-01-01至今天之间") LocalDate visitedOn,
                        @NotNull(message = "必须填写人均纯收入") @DecimalMin(value = "0", message = "人均纯收入不能为负")
                        @Digits(integer = 10, fraction = 2, message = "人均纯收入最多两位小数") BigDecimal perCapitaIncome,
                        @NotNull(message = "必须选择走访结论") RecheckSteps.Outcome outcome,
                        HouseholdCategory proposedCategory,
                        @Size(max = 1000, message = "说明不超过1000字") String note) {
    }

    @Schema(name = "RecheckDecisionRequest", description = "乡镇审核或县级确认的决定：同意或不同意，以及理由")
    record DecisionRequest(@NotNull(message = "必须选择同意或不同意") Boolean approve,
                           @NotBlank(message = "必须填写理由") @Size(max = 1000, message = "理由不超过1000字") String reason) {
    }

    private final Rechecks rechecks;
    private final RecheckTasks tasks;

    RecheckController(Rechecks rechecks, RecheckTasks tasks) {
        this.rechecks = rechecks;
        this.tasks = tasks;
    }

    /** Opens the county's re-check for the year; a second open answers 422 with the existing one. */
    @PostMapping("/rechecks")
    @PreAuthorize("hasRole('county-approver')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开启年度动态调整", description = "县级审批人开启本县某年度的动态调整，为本县当前在监测的每户（监测类别、享受政策、风险未消除）生成走访任务，答 201 并返回这次动态调整。不是县级用户、年度不在2021年至今年之间，或完成期限早于今天时答 422；本县该年度已开启时也答 422，problem 的 existing 给出已开启的那次。")
    RecheckView open(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"year": 2026, "dueDate": "2026-12-31"}"""))) @Valid @RequestBody OpenRequest request, Authentication caller) {
        return rechecks.open(request.year(), request.dueDate(), caller.getName(), Jurisdiction.current());
    }

    @GetMapping("/rechecks")
    @Operation(summary = "查看年度动态调整", description = "分页列出当前用户所在县（市级用户为所辖各县）的年度动态调整，年度新的在前，附总数；可按年度筛选。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查。")
    Page<RecheckView> list(@Parameter(description = "年度，例如 2026；不填为全部年度") @RequestParam(required = false) Integer year,
                           @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(0) int page,
                           @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return rechecks.list(year, Jurisdiction.current(), page, size);
    }

    @GetMapping("/rechecks/{id}")
    @Operation(summary = "查看一次年度动态调整", description = "一次动态调整的县、年度、完成期限、开启人和任务数。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；不是所在县（或所辖县）的答 404。")
    RecheckView one(@Parameter(description = "年度动态调整 ID") @PathVariable UUID id) {
        return rechecks.find(id, Jurisdiction.current());
    }

    /** Tasks in the caller's division; {@code division} narrows to a township or village, {@code overdue=true} to those open past the due date. */
    @GetMapping("/rechecks/{id}/tasks")
    @Operation(summary = "查看动态调整任务", description = "分页列出一次动态调整在当前用户辖区内的任务（含户主和当前类别），按行政区划排列，附总数；可按状态筛选，division 缩小到某乡镇或村，overdue=true 只看已过完成期限仍未确认的。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查。")
    Page<RecheckTaskView> tasks(@Parameter(description = "年度动态调整 ID") @PathVariable UUID id,
                                @Parameter(description = "任务状态：TO_VISIT 待走访、VISITED 待乡镇审核、REVIEWED 待县级确认、CONFIRMED 已确认、MOVED_OUT 已迁出本县") @RequestParam(required = false) RecheckSteps.Status status,
                                @Parameter(description = "行政区划代码（6、9或12位），只看其下的任务") @RequestParam(required = false) @Pattern(regexp = "\\d{6}(\\d{3}){0,2}", message = "行政区划代码为6、9或12位数字") String division,
                                @Parameter(description = "只看已过完成期限仍未确认的任务") @RequestParam(defaultValue = "false") boolean overdue,
                                @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(0) int page,
                                @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return tasks.list(id, status, division == null ? null : DivisionCodes.prefixOf(division), overdue,
                Jurisdiction.current(), page, size);
    }

    @GetMapping("/rechecks/{id}/progress")
    @Operation(summary = "查看动态调整进度", description = "按乡镇（level=township）或村（level=village，默认）汇总一次动态调整在当前用户辖区内的任务：总数、已走访、已审核、已确认、逾期未确认，以及各走访结论的户数；按行政区划分页，附总数。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查。")
    Page<RecheckProgress> progress(@Parameter(description = "年度动态调整 ID") @PathVariable UUID id,
                                   @Parameter(description = "汇总层级：township 按乡镇，village 按村") @RequestParam(defaultValue = "village") @Pattern(regexp = "township|village", message = "level 为 township 或 village") String level,
                                   @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return rechecks.progress(id, "township".equals(level) ? 9 : 12, Jurisdiction.current(), page, size);
    }

    @GetMapping("/recheck-tasks/{id}")
    @Operation(summary = "查看一项动态调整任务", description = "一项任务的农户、状态、走访情况（日期、人均纯收入、结论、建议类别）和各级决定（谁、何时、理由）。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；不在本人辖区时答 404。")
    RecheckTaskView task(@Parameter(description = "动态调整任务 ID") @PathVariable UUID id) {
        return tasks.find(id, Jurisdiction.current());
    }

    @PostMapping("/recheck-tasks/{id}/visit")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    @Operation(summary = "登记入户走访", description = "本村村干部登记入户走访：走访日期、人均纯收入和结论（继续监测、建议风险消除，或建议调整监测类别并填建议类别）；乡镇审核前可重新登记，以最后一次为准。任务不在待走访或待乡镇审核状态、办理人不是本村村干部、走访日期晚于今天，或建议类别不符合规则时答 422。")
    RecheckTaskView visit(@Parameter(description = "动态调整任务 ID") @PathVariable UUID id,
                          @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"visitedOn": "2026-11-26", "perCapitaIncome": 9850.00, "outcome": "STILL_AT_RISK", "note": "户主仍在透析，医疗支出大，建议继续监测。"}"""))) @Valid @RequestBody VisitRequest request, Authentication caller) {
        return tasks.visit(id, new RecheckTasks.Visit(request.visitedOn(), request.perCapitaIncome(), request.outcome(),
                request.proposedCategory(), request.note()), caller.getName(), CallerRoles.current(), Jurisdiction.current());
    }

    @PostMapping("/recheck-tasks/{id}/review")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    @Operation(summary = "乡镇审核走访结论", description = "本乡镇审核人员审核走访结论并说明理由：同意转县级确认，不同意退回村级重新走访。任务不在待乡镇审核状态，或办理人不是该乡镇的审核人员时答 422。")
    RecheckTaskView review(@Parameter(description = "动态调整任务 ID") @PathVariable UUID id,
                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"approve": true, "reason": "走访情况属实，同意村级结论。"}"""))) @Valid @RequestBody DecisionRequest request, Authentication caller) {
        return tasks.review(id, request.approve(), request.reason(), caller.getName(), CallerRoles.current(),
                Jurisdiction.current());
    }

    @PostMapping("/recheck-tasks/{id}/confirmation")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    @Operation(summary = "县级确认动态调整", description = "本县审批人确认并说明理由：同意时执行走访结论（继续监测；调整监测类别；或检查风险消除条件后开启风险消除认定程序），不同意退回乡镇。任务不在待县级确认状态、办理人不是本县审批人、建议类别已不允许，或不满足风险消除条件（problem 的 failures 逐项列出）时答 422，不作任何改动。")
    RecheckTaskView confirm(@Parameter(description = "动态调整任务 ID") @PathVariable UUID id,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"approve": true, "reason": "乡镇审核意见属实，同意继续监测。"}"""))) @Valid @RequestBody DecisionRequest request, Authentication caller) {
        return tasks.confirm(id, request.approve(), request.reason(), caller.getName(), CallerRoles.current(),
                Jurisdiction.current());
    }
}
