package fushun.contracts.bureau;

import fushun.contracts.Bureau;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A bureau delivered help for its assignment (帮扶措施): what, from when, and the amount where
 * there is one (e.g. temporary aid paid).
 */
public record MeasureApplied(
        UUID measureId,
        UUID assignmentId,
        UUID alertId,
        UUID householdId,
        Bureau bureau,
        String measure,
        String description,
        BigDecimal amount,
        LocalDate appliedOn,
        Instant recordedAt) {
}
