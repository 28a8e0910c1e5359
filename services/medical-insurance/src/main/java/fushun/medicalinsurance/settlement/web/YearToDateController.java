package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.YearToDate;
import fushun.platform.security.Jurisdiction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "医保结算", description = "医保结算数据：医保系统按批报送结算记录（按结算单号去重，重发无害），平台按基本医保、大病保险、医疗救助三重保障分档计算并保存；医保经办人员和分析人员查看农户的年度累计费用。")
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
    @Operation(summary = "查看农户年度医疗费用", description = "一个参保户某一年的医疗费用累计：每名成员（身份证号脱敏）的结算笔数、总费用、基本医保、大病保险、医疗救助支付和自付费用，以及全户的总费用和自付费用；"
            + "年内离开该户的成员标明离开日期，此后的结算不计入该户。医保经办人员和分析人员可查，辖区外的农户答 404。")
    YearToDateViews.HouseholdYearView of(@Parameter(description = "农户编号") @PathVariable UUID householdId,
                                         @Parameter(description = "年度，2021–2100") @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                                         @Max(value = 2100, message = "年份无效") int year) {
        return mapper.toView(yearToDate.of(householdId, year, Jurisdiction.current()));
    }
}
