package fushun.socialassistance.casework;

import java.util.UUID;

/** What another feature needs of a case to answer its alert: the household, the alert and the assignment. */
public record CaseRef(UUID id, UUID householdId, UUID alertId, UUID assignmentId, String divisionCode) {
}
