package fushun.monitoring.assignment.web;

import fushun.platform.validation.PlausibleDate;
import fushun.contracts.Bureau;
import fushun.monitoring.assignment.AssignmentView;
import fushun.monitoring.assignment.Assignments;
import fushun.monitoring.assignment.LeagueRow;
import fushun.platform.security.CallerRoles;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assignments by bureau, the league table, and the answers of bureaus without a service of their own. */
@RestController
class AssignmentController {

    private static final String READERS = "hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', "
            + "'admin', 'education-officer', 'health-officer', 'water-officer', 'agriculture-officer', "
            + "'disabled-federation-officer')";

    record MeasureRequest(@NotBlank(message = "必须填写措施") @Size(max = 100, message = "措施名称不超过100字") String measure,
                          @Size(max = 2000, message = "说明不超过2000字") String description,
                          @DecimalMin(value = "0", message = "金额不能为负") BigDecimal amount,
                          @NotNull(message = "必须填写实施日期") @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "实施日期应在2021-01-01至今天之间") LocalDate appliedOn) {
    }

    record CloseRequest(@NotBlank(message = "必须填写办结情况") @Size(max = 1000, message = "办结情况不超过1000字") String outcome) {
    }

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    @GetMapping("/api/monitoring/assignments")
    @PreAuthorize(READERS)
    Page<AssignmentView> list(@RequestParam(required = false) Bureau bureau,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                              @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                              @Max(value = 500, message = "每页最多500条") int size) {
        return assignments.list(bureau, overdue, Jurisdiction.current(), page, size);
    }

    @GetMapping("/api/monitoring/league-table")
    @PreAuthorize("hasAnyRole('county-approver', 'analyst', 'admin')")
    List<LeagueRow> leagueTable() {
        return assignments.leagueTable(Jurisdiction.current());
    }

    @PostMapping("/api/monitoring/assignments/{id}/measures")
    @PreAuthorize(READERS)
    ResponseEntity<Void> measure(@PathVariable UUID id, @Valid @RequestBody MeasureRequest request, Authentication caller) {
        assignments.recordMeasure(id, request.measure(), request.description(), request.amount(), request.appliedOn(),
                caller.getName(), CallerRoles.current(), Jurisdiction.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/monitoring/assignments/{id}/close")
    @PreAuthorize(READERS)
    ResponseEntity<Void> close(@PathVariable UUID id, @Valid @RequestBody CloseRequest request) {
        assignments.closeByOfficer(id, request.outcome(), CallerRoles.current(), Jurisdiction.current());
        return ResponseEntity.noContent().build();
    }
}
