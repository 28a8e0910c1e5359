package fushun.housingsafety.appraisal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import fushun.platform.validation.PlausibleDate;
import fushun.housingsafety.appraisal.AppraisalTasks;
import fushun.housingsafety.appraisal.Appraisals;
import fushun.housingsafety.appraisal.Renovations;
import fushun.housingsafety.appraisal.YearlyScreening;
import fushun.housingsafety.appraisal.web.AppraisalViews.AppraisalView;
import fushun.housingsafety.appraisal.web.AppraisalViews.RenovationView;
import fushun.housingsafety.appraisal.web.AppraisalViews.ScreeningView;
import fushun.housingsafety.appraisal.web.AppraisalViews.TaskView;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
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

/**
 * Appraisals, renovations and the yearly screening, for the county's housing inspectors; a
 * renovation's work is accepted by an inspector who neither appraised the house nor started it.
 */
@RestController
@Tag(name = "住房安全鉴定与危房改造", description = "住建局鉴定员的工作：监测预警点名住建局时生成的鉴定任务、农户住房安全性鉴定（A–D级）、农村低收入群体C/D级危房的改造（开工、竣工验收及补助）和县区年度住房安全排查，均限于当前用户的辖区。")
@RequestMapping("/api/housing-safety")
@PreAuthorize("hasRole('housing-inspector')")
class AppraisalController {

    @Schema(description = "一次住房安全性鉴定：农户、鉴定等级（A安全、B基本安全、C局部危险、D整体危险）、鉴定人、鉴定日期和鉴定结论")
    record AppraisalRequest(@NotNull(message = "必须选择农户") UUID householdId,
                            @NotNull(message = "必须填写鉴定等级") @Pattern(regexp = "[ABCD]", message = "鉴定等级应为 A、B、C 或 D") String grade,
                            @NotBlank(message = "必须填写鉴定人") @Size(max = 100, message = "鉴定人最多100字") String inspector,
                            @NotNull(message = "必须填写鉴定日期") @PlausibleDate(message = "鉴定日期应在2014-01-01至今天之间") LocalDate appraisedOn,
                            @NotBlank(message = "必须填写鉴定结论") @Size(max = 2000, message = "鉴定结论最多2000字") String findings) {
    }

    @Schema(description = "危房改造开工：开工日期")
    record StartRequest(@NotNull(message = "必须填写开工日期") @PlausibleDate(message = "开工日期应在2014-01-01至今天之间") LocalDate startedOn) {
    }

    @Schema(description = "危房改造竣工验收：竣工日期、验收人和验收等级（须为A或B级）")
    record CompleteRequest(@NotNull(message = "必须填写竣工日期") @PlausibleDate(message = "竣工日期应在2014-01-01至今天之间") LocalDate completedOn,
                           @NotBlank(message = "必须填写验收人") @Size(max = 100, message = "验收人最多100字") String inspector,
                           @NotNull(message = "必须填写验收等级") @Pattern(regexp = "[ABCD]", message = "验收等级应为 A、B、C 或 D") String grade) {
    }

    private final AppraisalTasks tasks;
    private final Appraisals appraisals;
    private final Renovations renovations;
    private final YearlyScreening screening;
    private final AppraisalWebMapper views;

    AppraisalController(AppraisalTasks tasks, Appraisals appraisals, Renovations renovations, YearlyScreening screening,
                        AppraisalWebMapper views) {
        this.tasks = tasks;
        this.appraisals = appraisals;
        this.renovations = renovations;
        this.screening = screening;
        this.views = views;
    }

    @GetMapping("/appraisal-tasks")
    @Operation(summary = "查看鉴定任务", description = "住建局鉴定员（housing-inspector）分页查看辖区内的鉴定任务：监测预警点名住建局处理住房安全问题时生成，期限随分工，到期早的在前。可按状态筛选：OPEN 待鉴定，DONE 已鉴定。")
    Page<TaskView> tasks(@Parameter(description = "任务状态：OPEN 待鉴定，DONE 已鉴定；不填则全部") @RequestParam(required = false) @Pattern(regexp = "OPEN|DONE",
                                        message = "状态只能是 OPEN 或 DONE") String status,
                                @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                @Max(value = 500, message = "每页最多500条") int size) {
        return views.toTaskPage(tasks.tasks(Jurisdiction.current(), status, page, size));
    }

    @PostMapping("/appraisals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记住房安全性鉴定", description = "鉴定员为辖区内一户登记鉴定结论（成功时 201），同时办结该户所有待鉴定任务。C、D级向监测服务报告住房安全风险信号；农村低收入群体的C级房屋列入修缮加固、D级列入拆除重建，按政策参数定补助（已有改造在办时并入该项目），其余任务的分工随结论办结。农户不在辖区或尚未同步到住建系统时答 404。")
    AppraisalView appraise(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"householdId": "5f0c2a3e-8d41-4b7a-9c36-2e1f7a9b4d10", "grade": "D", "inspector": "李示工", "appraisedOn": "2026-11-18", "findings": "承重墙多处贯通裂缝，屋架腐朽下沉，房屋整体危险"}"""))) @Valid @RequestBody AppraisalRequest request, Authentication caller) {
        return views.toView(appraisals.record(new Appraisals.NewAppraisal(request.householdId(), request.grade(),
                request.inspector(), request.appraisedOn(), request.findings()), caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/households/{householdId}/appraisals")
    @Operation(summary = "查看农户的鉴定记录", description = "鉴定员查看辖区内一户的全部住房安全性鉴定，按鉴定日期排列，含危房改造竣工验收时记下的鉴定。不分页。")
    List<AppraisalView> appraisalsOf(@Parameter(description = "农户编号") @PathVariable UUID householdId) {
        return views.toAppraisalViews(appraisals.appraisalsOf(householdId, Jurisdiction.current()));
    }

    @GetMapping("/renovations")
    @Operation(summary = "查看危房改造项目", description = "鉴定员分页查看辖区内的危房改造项目（类型、补助及其参数版本、各步骤的办理人），最新的在前；可按状态筛选：PLANNED 待开工，STARTED 已开工，COMPLETED 已竣工。")
    Page<RenovationView> renovations(@Parameter(description = "改造状态：PLANNED、STARTED 或 COMPLETED；不填则全部") @RequestParam(required = false) @Pattern(regexp = "PLANNED|STARTED|COMPLETED",
                                                    message = "状态只能是 PLANNED、STARTED 或 COMPLETED") String status,
                                            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                            @Max(value = 500, message = "每页最多500条") int size) {
        return views.toRenovationPage(renovations.list(Jurisdiction.current(), status, page, size));
    }

    @PostMapping("/renovations/{renovationId}/start")
    @Operation(summary = "登记改造开工", description = "鉴定员登记待开工改造的开工日期，本人记为开工登记人；该改造回应监测预警的分工时，开工作为帮扶措施报告监测服务。已开工或已竣工的改造答 422。")
    RenovationView start(@Parameter(description = "危房改造项目编号") @PathVariable UUID renovationId,
                         @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"startedOn": "2026-11-20"}"""))) @Valid @RequestBody StartRequest request,
                                Authentication caller) {
        return views.toView(renovations.start(renovationId, request.startedOn(), caller.getName(), Jurisdiction.current()));
    }

    /** The completion inspection (竣工验收): 403 to whoever appraised the house or started the work. */
    @PostMapping("/renovations/{renovationId}/complete")
    @Operation(summary = "竣工验收", description = "鉴定员对已开工的改造竣工验收，验收结果记为该户的一次鉴定，竣工作为帮扶措施报告监测服务并办结所回应的分工。鉴定该户住房或登记开工的本人不能验收（职责分离，403）；未开工、验收等级不是A或B级、竣工日期早于开工日期时答 422。")
    RenovationView complete(@Parameter(description = "危房改造项目编号") @PathVariable UUID renovationId,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"completedOn": "2026-11-28", "inspector": "王验收", "grade": "A"}"""))) @Valid @RequestBody CompleteRequest request,
                                   Authentication caller) {
        return views.toView(renovations.complete(renovationId, request.completedOn(), request.inspector(),
                request.grade(), caller.getName(), Jurisdiction.current()));
    }

    /** The yearly screening of the county's low-income households: how many are done and left, and a page of them, those left first. */
    @GetMapping("/screenings")
    @Operation(summary = "查看年度住房安全排查", description = "鉴定员查看一个县区某年对农村低收入群体住房的排查进度：全县应查、已查（当年有鉴定）和未查户数，并分页列出各户及其当年最近一次鉴定，未查的在前。县区不在辖区内时答 404。")
    ScreeningView screening(@Parameter(description = "县区代码（6位），例如 210422") @RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                                   @Parameter(description = "排查年度，例如 2026") @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                                   @Max(value = 2100, message = "年份无效") int year,
                                   @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                   @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                   @Max(value = 500, message = "每页最多500条") int size) {
        return views.toView(screening.of(county, year, Jurisdiction.current(), page, size));
    }
}
