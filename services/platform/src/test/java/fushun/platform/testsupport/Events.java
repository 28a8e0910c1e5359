package fushun.platform.testsupport;

import fushun.contracts.EventEnvelope;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.monitoring.HouseholdRegistered;
import java.util.List;
import java.util.UUID;

/** Small builders of valid events for tests. */
public final class Events {

    private Events() {
    }

    public static HouseholdRegistered household(UUID householdId, String headName) {
        return new HouseholdRegistered(householdId, "210422100201", HouseholdCategory.OUT_OF_POVERTY, false, headName,
                List.of(new HouseholdRegistered.Member(UUID.randomUUID(), "0".repeat(64), headName,
                        "2104**********0013", "户主", "FULL")));
    }

    public static EventEnvelope<HouseholdRegistered> envelope(HouseholdRegistered data) {
        return EventEnvelope.of("platform-test", data.householdId().toString(), data.divisionCode(), data);
    }
}
