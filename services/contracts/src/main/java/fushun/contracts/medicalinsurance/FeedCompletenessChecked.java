package fushun.contracts.medicalinsurance;

import fushun.contracts.Bureau;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A month's settlement feed was checked after its deadline: which counties' settlements had not
 * arrived by then. Published once per bureau and month.
 *
 * @param month the month the settlements belong to, as {@code 2026-10}
 */
public record FeedCompletenessChecked(
        Bureau bureau,
        String month,
        LocalDate deadline,
        List<String> expectedCounties,
        List<String> missingCounties,
        Instant checkedAt) {
}
