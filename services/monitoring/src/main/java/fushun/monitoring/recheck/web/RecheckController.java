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
    RecheckView open(@Valid @RequestBody OpenRequest request, Authentication caller) {
        return rechecks.open(request.year(), request.dueDate(), caller.getName(), Jurisdiction.current());
    }

    @GetMapping("/rechecks")
    Page<RecheckView> list(@RequestParam(required = false) Integer year,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return rechecks.list(year, Jurisdiction.current(), page, size);
    }

    @GetMapping("/rechecks/{id}")
    RecheckView one(@PathVariable UUID id) {
        return rechecks.find(id, Jurisdiction.current());
    }

    /** Tasks in the caller's division; {@code division} narrows to a township or village, {@code overdue=true} to those open past the due date. */
    @GetMapping("/rechecks/{id}/tasks")
    Page<RecheckTaskView> tasks(@PathVariable UUID id, @RequestParam(required = false) RecheckSteps.Status status,
                                @RequestParam(required = false) @Pattern(regexp = "\\d{6}(\\d{3}){0,2}", message = "行政区划代码为6、9或12位数字") String division,
                                @RequestParam(defaultValue = "false") boolean overdue,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return tasks.list(id, status, division == null ? null : DivisionCodes.prefixOf(division), overdue,
                Jurisdiction.current(), page, size);
    }

    @GetMapping("/rechecks/{id}/progress")
    Page<RecheckProgress> progress(@PathVariable UUID id,
                                   @RequestParam(defaultValue = "village") @Pattern(regexp = "township|village", message = "level 为 township 或 village") String level,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return rechecks.progress(id, "township".equals(level) ? 9 : 12, Jurisdiction.current(), page, size);
    }

    @GetMapping("/recheck-tasks/{id}")
    RecheckTaskView task(@PathVariable UUID id) {
        return tasks.find(id, Jurisdiction.current());
    }

    @PostMapping("/recheck-tasks/{id}/visit")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    RecheckTaskView visit(@PathVariable UUID id, @Valid @RequestBody VisitRequest request, Authentication caller) {
        return tasks.visit(id, new RecheckTasks.Visit(request.visitedOn(), request.perCapitaIncome(), request.outcome(),
                request.proposedCategory(), request.note()), caller.getName(), CallerRoles.current(), Jurisdiction.current());
    }

    @PostMapping("/recheck-tasks/{id}/review")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    RecheckTaskView review(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Authentication caller) {
        return tasks.review(id, request.approve(), request.reason(), caller.getName(), CallerRoles.current(),
                Jurisdiction.current());
    }

    @PostMapping("/recheck-tasks/{id}/confirmation")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver')")
    RecheckTaskView confirm(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Authentication caller) {
        return tasks.confirm(id, request.approve(), request.reason(), caller.getName(), CallerRoles.current(),
                Jurisdiction.current());
    }
}
