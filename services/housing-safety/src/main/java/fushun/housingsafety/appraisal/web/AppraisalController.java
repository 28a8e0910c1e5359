package fushun.housingsafety.appraisal.web;

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
@RequestMapping("/api/housing-safety")
@PreAuthorize("hasRole('housing-inspector')")
class AppraisalController {

    record AppraisalRequest(@NotNull(message = "必须选择农户") UUID householdId,
                            @NotNull(message = "必须填写鉴定等级") @Pattern(regexp = "[ABCD]", message = "鉴定等级应为 A、B、C 或 D") String grade,
                            @NotBlank(message = "必须填写鉴定人") @Size(max = 100, message = "鉴定人最多100字") String inspector,
                            @NotNull(message = "必须填写鉴定日期") @PlausibleDate(message = "鉴定日期应在2014-01-01至今天之间") LocalDate appraisedOn,
                            @NotBlank(message = "必须填写鉴定结论") @Size(max = 2000, message = "鉴定结论最多2000字") String findings) {
    }

    record StartRequest(@NotNull(message = "必须填写开工日期") @PlausibleDate(message = "开工日期应在2014-01-01至今天之间") LocalDate startedOn) {
    }

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
    Page<TaskView> tasks(@RequestParam(required = false) @Pattern(regexp = "OPEN|DONE",
                                        message = "状态只能是 OPEN 或 DONE") String status,
                                @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                @Max(value = 500, message = "每页最多500条") int size) {
        return views.toTaskPage(tasks.tasks(Jurisdiction.current(), status, page, size));
    }

    @PostMapping("/appraisals")
    @ResponseStatus(HttpStatus.CREATED)
    AppraisalView appraise(@Valid @RequestBody AppraisalRequest request, Authentication caller) {
        return views.toView(appraisals.record(new Appraisals.NewAppraisal(request.householdId(), request.grade(),
                request.inspector(), request.appraisedOn(), request.findings()), caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/households/{householdId}/appraisals")
    List<AppraisalView> appraisalsOf(@PathVariable UUID householdId) {
        return views.toAppraisalViews(appraisals.appraisalsOf(householdId, Jurisdiction.current()));
    }

    @GetMapping("/renovations")
    Page<RenovationView> renovations(@RequestParam(required = false) @Pattern(regexp = "PLANNED|STARTED|COMPLETED",
                                                    message = "状态只能是 PLANNED、STARTED 或 COMPLETED") String status,
                                            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                            @Max(value = 500, message = "每页最多500条") int size) {
        return views.toRenovationPage(renovations.list(Jurisdiction.current(), status, page, size));
    }

    @PostMapping("/renovations/{renovationId}/start")
    RenovationView start(@PathVariable UUID renovationId, @Valid @RequestBody StartRequest request,
                                Authentication caller) {
        return views.toView(renovations.start(renovationId, request.startedOn(), caller.getName(), Jurisdiction.current()));
    }

    /** The completion inspection (竣工验收): 403 to whoever appraised the house or started the work. */
    @PostMapping("/renovations/{renovationId}/complete")
    RenovationView complete(@PathVariable UUID renovationId, @Valid @RequestBody CompleteRequest request,
                                   Authentication caller) {
        return views.toView(renovations.complete(renovationId, request.completedOn(), request.inspector(),
                request.grade(), caller.getName(), Jurisdiction.current()));
    }

    /** The yearly screening of the county's low-income households: how many are done and left, and a page of them, those left first. */
    @GetMapping("/screenings")
    ScreeningView screening(@RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                                   @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                                   @Max(value = 2100, message = "年份无效") int year,
                                   @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                   @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                   @Max(value = 500, message = "每页最多500条") int size) {
        return views.toView(screening.of(county, year, Jurisdiction.current(), page, size));
    }
}
