package fushun.monitoring.household;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdChanged.Kind;
import fushun.contracts.monitoring.HouseholdChanged.Reason;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A change a village cadre records, effective on a day. Which fields count depends on the kind:
 * MEMBER_ADDED {@code newMember}; MEMBER_LEFT {@code memberId}; LABOUR_CAPACITY {@code memberId,
 * labourCapacity}; RELATIONSHIP {@code memberId, relationship}; HEAD_OF_HOUSEHOLD {@code memberId,
 * formerHeadRelationship}; DIVISION {@code divisionCode}; POLICY_FLAG {@code notEntitledToPolicy};
 * CATEGORY {@code category}. {@code note} is the cadre's own words: kept in monitoring, never published.
 */
public record HouseholdChange(Kind kind, Reason reason, LocalDate effectiveOn, UUID memberId,
                              NewHousehold.NewMember newMember, String labourCapacity, String relationship,
                              String formerHeadRelationship, String divisionCode, Boolean notEntitledToPolicy,
                              HouseholdCategory category, String note) {
}
