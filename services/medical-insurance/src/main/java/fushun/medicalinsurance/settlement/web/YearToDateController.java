package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.YearToDate;
import fushun.platform.security.Jurisdiction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class YearToDateController {

    private final YearToDate yearToDate;
    private final YearToDateWebMapper mapper;

    YearToDateController(YearToDate yearToDate, YearToDateWebMapper mapper) {
        this.yearToDate = yearToDate;
        this.mapper = mapper;
    }

    /** Year-to-date per person (masked ID numbers) and for the household. */
    @GetMapping("/api/medical-insurance/households/{householdId}/year-to-date")
    @PreAuthorize("hasAnyRole('medical-insurance-officer', 'analyst')")
    YearToDateViews.HouseholdYearView of(@PathVariable UUID householdId,
                                         @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                                         @Max(value = 2100, message = "年份无效") int year) {
        return mapper.toView(yearToDate.of(householdId, year, Jurisdiction.current()));
    }
}
