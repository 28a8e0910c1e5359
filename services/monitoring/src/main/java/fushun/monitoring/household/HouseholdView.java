package fushun.monitoring.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A household as read back: members carry only the masked ID number. */
public record HouseholdView(UUID id, String divisionCode, String category, boolean notEntitledToPolicy,
                            String headName, Instant registeredAt, List<MemberView> members) {

    public record MemberView(UUID id, String name, String maskedIdNumber, String relationship, String labourCapacity) {
    }

    HouseholdView withMembers(List<MemberView> members) {
        return new HouseholdView(id, divisionCode, category, notEntitledToPolicy, headName, registeredAt, members);
    }
}
