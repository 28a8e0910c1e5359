package fushun.monitoring.household;

import fushun.monitoring.assistance.AssistanceStatuses;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household as read back (now, or as of a day): members carry only the masked ID number; members
 * who left are listed with {@code status = LEFT}, the day and the reason. {@code assistance} is civil
 * affairs' dibao / 特困 periods of its members; {@code ruralLowIncome} says whether it is in the rural
 * low-income population monitoring watches today ({@link fushun.monitoring.assistance.RuralLowIncome}).
 */
public record HouseholdView(UUID id, String divisionCode, String category, boolean notEntitledToPolicy,
                            String headName, Instant registeredAt, int revision, LocalDate asOf,
                            List<MemberView> members, List<AssistanceStatuses.Period> assistance,
                            boolean ruralLowIncome) {

    public record MemberView(UUID id, String name, String maskedIdNumber, String relationship, String labourCapacity,
                             String status, LocalDate joinedOn, LocalDate leftOn, String leftReason) {
    }
}
