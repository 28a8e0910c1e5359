package fushun.monitoring.assignment;

import fushun.contracts.Bureau;
import java.util.Map;
import java.util.Optional;

/**
 * Which role answers for a bureau's assignments through the API. Bureaus with a service of their
 * own answer over Kafka only, so they have none here.
 */
public final class BureauRoles {

    private static final Map<Bureau, String> ROLES = Map.of(
            Bureau.EDUCATION, "education-officer",
            Bureau.HEALTH, "health-officer",
            Bureau.WATER, "water-officer",
            Bureau.AGRICULTURE, "agriculture-officer",
            Bureau.DISABLED_PERSONS_FEDERATION, "disabled-federation-officer",
            Bureau.RURAL_REVITALIZATION, "county-approver");

    private BureauRoles() {
    }

    private static final Map<Bureau, String> SERVICES = Map.of(
            Bureau.CIVIL_AFFAIRS, "social-assistance",
            Bureau.MEDICAL_INSURANCE, "medical-insurance",
            Bureau.HOUSING, "housing-safety",
            Bureau.HUMAN_RESOURCES, "employment");

    public static Optional<String> apiRoleOf(Bureau bureau) {
        return Optional.ofNullable(ROLES.get(bureau));
    }

    /** The service that answers for a bureau over Kafka; empty for bureaus that answer through the API. */
    public static Optional<String> serviceOf(Bureau bureau) {
        return Optional.ofNullable(SERVICES.get(bureau));
    }
}
