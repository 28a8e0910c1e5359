package fushun.monitoring.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An assignment in a bureau's list. */
public record AssignmentView(UUID id, UUID alertId, UUID householdId, String divisionCode, String bureau,
                             LocalDate dueDate, String status, boolean overdue, Instant escalatedAt, Instant closedAt,
                             String outcome) {
}
