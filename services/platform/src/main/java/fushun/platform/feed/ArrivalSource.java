package fushun.platform.feed;

import fushun.contracts.Bureau;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * Where a service keeps what arrived of a bureau's month, when it already keeps it in its own records
 * (medical insurance: the settlements themselves, each with its arrival): then it need not also count
 * each piece with {@link FeedCompleteness#arrived}. Empty for a bureau it leaves to those counts. A
 * bean of the service.
 */
@FunctionalInterface
public interface ArrivalSource {

    ArrivalSource COUNTED = (bureau, month, deadline) -> Optional.empty();

    /** What a county's data of the month was: received by the deadline, after it, and when first. */
    record CountyArrivals(String county, long onTime, long late, Instant firstReceivedAt) {
    }

    /** Per county code, what of the bureau's month arrived by the end of {@code deadline} in China and after. */
    Optional<Map<String, CountyArrivals>> arrivals(Bureau bureau, YearMonth month, LocalDate deadline);
}
