package fushun.medicalinsurance.feed;

import fushun.contracts.Bureau;
import fushun.medicalinsurance.settlement.SettlementArrivals;
import fushun.platform.feed.ArrivalSource;
import fushun.platform.feed.FeedLateness;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Medical insurance's monthly feed for the platform's mechanism (ADR 0036): the month's settlements
 * themselves, each with the time it arrived, by insured county, so nothing is counted twice.
 */
@Component
class SettlementArrivalSource implements ArrivalSource {

    private final SettlementArrivals settlements;

    SettlementArrivalSource(SettlementArrivals settlements) {
        this.settlements = settlements;
    }

    @Override
    public Optional<Map<String, CountyArrivals>> arrivals(Bureau bureau, YearMonth month, LocalDate deadline) {
        if (bureau != Bureau.MEDICAL_INSURANCE) {
            return Optional.empty();
        }
        return Optional.of(settlements.perCounty(month, FeedLateness.cutoffOf(deadline), "%").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new CountyArrivals(e.getKey(), e.getValue().onTime(),
                        e.getValue().late(), e.getValue().firstReceivedAt()))));
    }
}
