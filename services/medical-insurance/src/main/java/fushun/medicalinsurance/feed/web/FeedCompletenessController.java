package fushun.medicalinsurance.feed.web;

import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.platform.PlatformTime;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.RuleViolationException;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
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
    FeedViews.MonthFeedView status(@RequestParam YearMonth month) {
        if (month.isBefore(YearMonth.of(2021, 1)) || month.isAfter(YearMonth.now(PlatformTime.CHINA).plusMonths(1))) {
            throw new RuleViolationException("月份超出范围", "可查询 2021-01 至下月的报送情况。");
        }
        return mapper.toView(completeness.status(month, Jurisdiction.current()));
    }
}
