package fushun.medicalinsurance.feed.web;

import fushun.medicalinsurance.feed.FeedCompleteness;
import fushun.platform.security.Jurisdiction;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedCompletenessController {

    private final FeedCompleteness completeness;

    FeedCompletenessController(FeedCompleteness completeness) {
        this.completeness = completeness;
    }

    /** Per county: settlements of the month received by the deadline, late, or none (报送完整性). */
    @GetMapping("/api/medical-insurance/feed-completeness")
    @PreAuthorize("hasAnyRole('medical-insurance-officer', 'analyst', 'admin')")
    FeedCompleteness.MonthFeed status(@RequestParam YearMonth month) {
        return completeness.status(month, Jurisdiction.current());
    }
}
