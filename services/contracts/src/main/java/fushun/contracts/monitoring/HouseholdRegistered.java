package fushun.contracts.monitoring;

import fushun.contracts.HouseholdCategory;
import java.util.List;
import java.util.UUID;

/**
 * A household entered the registry. Members carry no raw ID number: {@code personRef} is a keyed
 * hash of it (bureaus match their own records with it) and {@code maskedIdNumber} is safe to show.
 * {@code birthYear} (added in v1, may be absent in older events) is the year of birth from the ID
 * number: enough for age rules that are decided per calendar year, never the full birth date, which
 * together with the masked form would give the whole ID number back (docs/adr/0001-policy-review-corrections.md).
 */
public record HouseholdRegistered(
        UUID householdId,
        String divisionCode,
        HouseholdCategory category,
        boolean notEntitledToPolicy,
        String headName,
        List<Member> members) {

    public record Member(UUID personId, String personRef, String name, String maskedIdNumber,
                         String relationship, String labourCapacity, Integer birthYear) {

        /** A member whose year of birth is not known (events published before it was added). */
        public Member(UUID personId, String personRef, String name, String maskedIdNumber,
                      String relationship, String labourCapacity) {
            this(personId, personRef, name, maskedIdNumber, relationship, labourCapacity, null);
        }
    }
}
