package fushun.monitoring.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An alert as shown to people: risk types, why, and who must do what by when. */
public record AlertView(UUID id, List<String> riskTypes, String explanation, String status, Instant raisedAt,
                        List<AssignmentView> assignments) {

    public record AssignmentView(UUID id, String bureau, LocalDate dueDate, String status, String caseReference,
                                 Instant acknowledgedAt) {
    }
}
