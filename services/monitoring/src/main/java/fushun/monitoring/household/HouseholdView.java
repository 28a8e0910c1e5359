package fushun.monitoring.household;

import fushun.monitoring.assistance.AssistanceStatuses;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A household as read back: members carry only the masked ID number. {@code assistance} is civil
 * affairs' dibao / 特困 periods of its members; {@code ruralLowIncome} says whether it is in the rural
 * low-income population monitoring watches today ({@link fushun.monitoring.assistance.RuralLowIncome}).
 */
public record HouseholdView(UUID id, String divisionCode, String category, boolean notEntitledToPolicy,
                            String headName, Instant registeredAt, List<MemberView> members,
                            List<AssistanceStatuses.Period> assistance, boolean ruralLowIncome) {

    public record MemberView(UUID id, String name, String maskedIdNumber, String relationship, String labourCapacity) {
    }

    HouseholdView with(List<MemberView> members, List<AssistanceStatuses.Period> assistance, boolean ruralLowIncome) {
        return new HouseholdView(id, divisionCode, category, notEntitledToPolicy, headName, registeredAt, members,
                assistance, ruralLowIncome);
    }
}
