package fushun.medicalinsurance.feed.web;

import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "报送完整性", description = "各县区某月的医保结算数据是否在截止日（次月5日，政策参数）前报送：按时、逾期、缺报或尚待报送。")
class FeedCompletenessController {

    private final FeedCompleteness completeness;
    private final FeedWebMapper mapper;

    FeedCompletenessController(FeedCompleteness completeness, FeedWebMapper mapper) {
        this.completeness = completeness;
        this.mapper = mapper;
    }

    /** Per county: settlements of the month received by the deadline, late, or none (报送完整性). */
    @GetMapping("/api/medical-insurance/feed-completeness")
    @PreAuthorize("hasAnyRole('medical-insurance-officer', 'analyst', 'admin')")
    @Operation(summary = "查看结算数据报送完整性", description = "当前用户辖区内各县区某月结算数据的报送情况：截止日前收到的条数（ON_TIME）、截止日后才收到（LATE）、截止日已过仍未收到（MISSING）或尚未到截止日（PENDING），以及最早收到的时间。"
            + "医保经办人员、分析人员和管理员可查；可查 2021-01 至下月，超出范围答 422。")
    @ApiResponse(responseCode = "200", description = "各县区的报送情况")
    @ApiResponse(responseCode = "422", description = "月份超出可查询的范围（2021-01 至下月）",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    FeedViews.MonthFeedView status(@Parameter(description = "月份（yyyy-MM），如 2026-10") @RequestParam YearMonth month) {
        if (month.isBefore(YearMonth.of(2021, 1)) || month.isAfter(YearMonth.now(PlatformTime.CHINA).plusMonths(1))) {
            throw new RuleViolationException("月份超出范围", "可查询 2021-01 至下月的报送情况。");
        }
        return mapper.toView(completeness.status(month, Jurisdiction.current()));
    }
}
