package fushun.contracts.monitoring;

import fushun.contracts.HouseholdCategory;
import java.util.List;
import java.util.UUID;

/**
 * A household entered the registry. Members carry no raw ID number: {@code personRef} is a keyed
 * hash of it (bureaus match their own records with it) and {@code maskedIdNumber} is safe to show.
 */
public record HouseholdRegistered(
        UUID householdId,
        String divisionCode,
        HouseholdCategory category,
        boolean notEntitledToPolicy,
        String headName,
        List<Member> members) {

    public record Member(UUID personId, String personRef, String name, String maskedIdNumber,
                         String relationship, String labourCapacity) {
    }
}
