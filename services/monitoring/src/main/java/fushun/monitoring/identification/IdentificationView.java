package fushun.monitoring.identification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An identification as shown to the people who work it, with its decisions. */
public record IdentificationView(UUID id, UUID householdId, String divisionCode, String channel, List<String> riskTypes,
                                 String description, Procedure.Stage stage, boolean greenChannel, Instant firstClueAt,
                                 LocalDate dueDate, boolean overdue, String clockParameter, List<DecisionView> decisions) {

    public record DecisionView(String step, String decision, String reason, String decidedBy, String decidedDivision,
                               Instant decidedAt) {
    }
}
