package fushun.monitoring.recheck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A county's re-check for a year: when it is due, who opened it, how many tasks it made. */
public record RecheckView(UUID id, String countyCode, int year, LocalDate dueDate, String openedBy, Instant openedAt,
                          int taskCount) {
}
