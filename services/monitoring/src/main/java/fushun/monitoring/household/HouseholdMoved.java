package fushun.monitoring.household;

import java.util.UUID;

/**
 * The household moved to another division (an in-process event, published inside the change's
 * transaction): each feature whose records follow the household updates its own table before the
 * change commits.
 */
public record HouseholdMoved(UUID householdId, String fromDivision, String toDivision) {

    /** Same county: the first six digits of both divisions agree. */
    public boolean withinCounty() {
        return fromDivision.substring(0, 6).equals(toDivision.substring(0, 6));
    }
}
