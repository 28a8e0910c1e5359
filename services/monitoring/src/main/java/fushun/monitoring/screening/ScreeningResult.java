package fushun.monitoring.screening;

import fushun.contracts.RiskType;
import java.util.List;
import java.util.UUID;

/** A household the screening found at risk; {@code alreadyMonitored} when every risk is monitored already. */
public record ScreeningResult(UUID householdId, String divisionCode, String rule, List<RiskType> riskTypes,
                              String explanation, boolean alreadyMonitored) {
}
