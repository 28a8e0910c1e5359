package fushun.contracts.feed;

import fushun.contracts.Bureau;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bureau's monthly feed missed its deadline (逾期或缺报): some expected county's data of the month
 * had not arrived by then. Published once per bureau and month, by the service that tracks the
 * bureau's duty, on its {@code <service>.feed.v1}; a month whose feed was complete publishes nothing.
 * Fixed words only: the bureau, the month, county codes and dates.
 *
 * @param month            the month the data belongs to, as {@code 2026-10}
 * @param expectedCounties the counties expected that month (effective-dated data)
 * @param lateCounties     counties whose first data of the month came after the deadline
 * @param missingCounties  counties with no data of the month at all when checked
 */
public record FeedDeadlineMissed(
        Bureau bureau,
        String month,
        LocalDate deadline,
        List<String> expectedCounties,
        List<String> lateCounties,
        List<String> missingCounties,
        Instant checkedAt) {

    public FeedDeadlineMissed {
        expectedCounties = List.copyOf(expectedCounties);
        lateCounties = List.copyOf(lateCounties);
        missingCounties = List.copyOf(missingCounties);
    }
}
