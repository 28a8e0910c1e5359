package fushun.contracts.monitoring;

import fushun.contracts.RiskType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The county confirmed the household's risks eliminated (风险消除); the record stays. */
public record RiskEliminated(
        UUID householdId,
        String divisionCode,
        List<RiskType> riskTypes,
        UUID identificationId,
        Instant eliminatedAt) {
}
