package fushun.monitoring.household;

import fushun.contracts.HouseholdCategory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A household's registry facts as the change rules read them; members who left included. */
public record HouseholdState(String divisionCode, HouseholdCategory category, boolean notEntitledToPolicy, String headName,
                             List<MemberState> members) {

    public static final String HEAD = "户主";

    /** {@code joinedOn}: the day a member added by a change joined (null for members registered with the household). */
    public record MemberState(UUID id, String name, String relationship, String labourCapacity, boolean active,
                              java.time.LocalDate joinedOn) {

        boolean head() {
            return HEAD.equals(relationship);
        }
    }

    public Optional<MemberState> member(UUID id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public List<MemberState> activeMembers() {
        return members.stream().filter(MemberState::active).toList();
    }
}
