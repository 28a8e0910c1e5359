package fushun.contracts.monitoring;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Monitoring warns that a household is at risk. One assignment per responsible bureau, each with
 * its deadline; the explanation says which rule fired, on which inputs, with which parameters.
 */
public record RiskAlertRaised(
        UUID alertId,
        UUID householdId,
        String divisionCode,
        List<RiskType> riskTypes,
        String explanation,
        Instant raisedAt,
        List<Assignment> assignments) {

    public record Assignment(UUID assignmentId, Bureau bureau, LocalDate dueDate) {
    }

    public boolean names(Bureau bureau) {
        return assignments.stream().anyMatch(a -> a.bureau() == bureau);
    }

    public Assignment assignmentFor(Bureau bureau) {
        return assignments.stream().filter(a -> a.bureau() == bureau).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("alert does not name " + bureau));
    }
}
