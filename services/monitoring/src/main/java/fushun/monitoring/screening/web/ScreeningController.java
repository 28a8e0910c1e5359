package fushun.monitoring.screening.web;

import fushun.platform.validation.PlausibleDate;
import fushun.monitoring.screening.MonthlyScreening;
import fushun.monitoring.screening.ScreeningResult;
import fushun.monitoring.screening.ScreeningRun;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.YearMonth;
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

/** Run the month's screening over the caller's division and read the households found at risk. */
@RestController
@RequestMapping("/api/monitoring/screenings")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'admin')")
class ScreeningController {

    record ScreeningRequest(@NotNull(message = "必须填写月份，如 2026-11") @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "月份应在2021-01至本月之间") YearMonth month) {
    }

    private final MonthlyScreening screening;

    ScreeningController(MonthlyScreening screening) {
        this.screening = screening;
    }

    @PostMapping
    ScreeningRun run(@Valid @RequestBody ScreeningRequest request, Authentication caller) {
        return screening.run(request.month(), Jurisdiction.current(), caller.getName());
    }

    @GetMapping("/{id}/results")
    Page<ScreeningResult> results(@PathVariable UUID id,
                                  @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                  @RequestParam(defaultValue = "100") @Min(value = 1, message = "每页至少1条")
                                  @Max(value = 500, message = "每页最多500条") int size) {
        return screening.results(id, Jurisdiction.current(), page, size);
    }
}
