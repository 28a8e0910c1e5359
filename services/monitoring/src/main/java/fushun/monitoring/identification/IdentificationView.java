package fushun.monitoring.identification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A procedure as shown to the people who work it, with its decisions. {@code purpose} is
 * MONITORING (identify a monitoring object) or ELIMINATION (confirm its risks eliminated).
 */
public record IdentificationView(UUID id, UUID householdId, String divisionCode, String purpose, String channel, List<String> riskTypes,
                                 String description, Procedure.Stage stage, boolean greenChannel, Instant firstClueAt,
                                 LocalDate dueDate, boolean overdue, String clockParameter, List<DecisionView> decisions) {

    /** {@code parameterVersions}: the clock's, and for an elimination the check's, as in force that day. */
    public record DecisionView(String step, String decision, String reason, String decidedBy, String decidedDivision,
                               Instant decidedAt, String parameterVersions) {
    }
}
