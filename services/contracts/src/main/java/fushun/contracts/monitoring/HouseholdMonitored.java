package fushun.contracts.monitoring;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The county confirmed the household as a monitoring object (县级确定监测对象): its category from
 * now on and the risks it is monitored for.
 */
public record HouseholdMonitored(
        UUID householdId,
        String divisionCode,
        HouseholdCategory category,
        List<RiskType> riskTypes,
        UUID identificationId,
        Instant confirmedAt) {
}
