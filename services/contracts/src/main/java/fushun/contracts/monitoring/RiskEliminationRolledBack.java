package fushun.contracts.monitoring;

import fushun.contracts.RiskType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An elimination was taken back: the household is monitored again for these risks. */
public record RiskEliminationRolledBack(
        UUID householdId,
        String divisionCode,
        List<RiskType> riskTypes,
        String reason,
        Instant rolledBackAt) {
}
