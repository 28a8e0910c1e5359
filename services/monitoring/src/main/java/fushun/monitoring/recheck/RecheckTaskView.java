package fushun.monitoring.recheck;

import fushun.monitoring.recheck.RecheckSteps.Outcome;
import fushun.monitoring.recheck.RecheckSteps.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One household's re-check task: where it stands, what the visit found and, for a single task,
 * every decision taken on it. {@code eliminationId} is the elimination procedure a confirmed
 * proposal opened.
 */
public record RecheckTaskView(UUID id, UUID recheckId, int year, UUID householdId, String divisionCode, String headName,
                              String category, String categoryAtOpen, Status status, String statusLabel,
                              LocalDate dueDate, boolean overdue, LocalDate visitedOn, BigDecimal perCapitaIncome,
                              Outcome outcome, String proposedCategory, String note, String visitedBy,
                              UUID eliminationId, List<Decision> decisions) {

    public record Decision(String step, String decision, String outcome, String reason, String decidedBy,
                           String decidedDivision, Instant decidedAt) {
    }
}
