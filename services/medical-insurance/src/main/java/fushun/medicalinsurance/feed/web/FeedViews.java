package fushun.medicalinsurance.feed.web;

import fushun.medicalinsurance.feed.FeedCompleteness;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What the feed-completeness endpoint answers: the same fields as {@link FeedCompleteness}'s records. */
final class FeedViews {

    private FeedViews() {
    }

    record MonthFeedView(YearMonth month, LocalDate deadline, List<CountyFeedView> counties) {
    }

    record CountyFeedView(String county, String name, long onTime, long late, Instant firstReceivedAt,
                          FeedCompleteness.State state) {
    }
}
