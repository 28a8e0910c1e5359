package fushun.platform.feed;

import fushun.contracts.Bureau;
import java.time.YearMonth;
import java.util.List;

/**
 * A service's own rule for which of the expected counties owe a bureau's feed in a month. By default
 * every expected county does; monitoring narrows the bureaus without a service to the counties where
 * they had tasks due that month (a county with nothing to answer owes nothing). A bean of the service.
 */
@FunctionalInterface
public interface DutyScope {

    DutyScope EVERY_EXPECTED_COUNTY = (bureau, month, expected) -> expected;

    /** The counties of {@code expected} that owe the month's feed, in the same order. */
    List<FeedCompleteness.County> owing(Bureau bureau, YearMonth month, List<FeedCompleteness.County> expected);
}
