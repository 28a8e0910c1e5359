package fushun.contracts.bureau;

import fushun.contracts.Bureau;
import java.time.Instant;
import java.util.UUID;

/** A bureau finished its assignment, with the outcome in its own words. */
public record CaseClosed(
        UUID assignmentId,
        UUID alertId,
        UUID householdId,
        Bureau bureau,
        String outcome,
        Instant closedAt) {
}
