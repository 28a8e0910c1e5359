package fushun.platform.alert;

import fushun.contracts.RiskType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * A risk alert as this service received it. {@code named}: the service's bureau has an assignment
 * in it ({@code assignmentId}, {@code dueDate}), and then {@code status} is ACKNOWLEDGED, else NOTED.
 * {@code riskTypes} is comma-separated, as the bureaus' lists have always answered it.
 */
public record ReceivedAlert(UUID alertId, UUID householdId, String divisionCode, String riskTypes,
                            String explanation, boolean named, UUID assignmentId, LocalDate dueDate, String status,
                            Instant receivedAt) {

    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String NOTED = "NOTED";

    /** Whether the alert warns of this risk. */
    public boolean concerns(RiskType riskType) {
        return Arrays.asList(riskTypes.split(",")).contains(riskType.name());
    }
}
