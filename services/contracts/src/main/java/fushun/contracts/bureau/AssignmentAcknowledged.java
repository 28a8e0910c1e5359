package fushun.contracts.bureau;

import fushun.contracts.Bureau;
import java.time.Instant;
import java.util.UUID;

/** A bureau took on its assignment from a risk alert; {@code caseReference} names its own case. */
public record AssignmentAcknowledged(
        UUID assignmentId,
        UUID alertId,
        UUID householdId,
        Bureau bureau,
        String caseReference,
        Instant acknowledgedAt) {
}
