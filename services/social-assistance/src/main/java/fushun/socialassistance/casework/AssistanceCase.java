package fushun.socialassistance.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case as stored. */
public record AssistanceCase(UUID id, UUID householdId, UUID alertId, String divisionCode, String riskTypes,
                             String explanation, String status, LocalDate dueDate, Instant openedAt,
                             String outcome, Instant closedAt) {
}
