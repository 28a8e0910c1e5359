package fushun.contracts.monitoring;

import fushun.contracts.Bureau;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A bureau's assignment passed its deadline unfinished (压实责任): the county and city see it. */
public record AssignmentEscalated(
        UUID assignmentId,
        UUID alertId,
        UUID householdId,
        String divisionCode,
        Bureau bureau,
        LocalDate dueDate,
        int daysOverdue,
        Instant escalatedAt) {
}
