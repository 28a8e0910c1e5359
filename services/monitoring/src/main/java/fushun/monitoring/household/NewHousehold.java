package fushun.monitoring.household;

import fushun.contracts.HouseholdCategory;
import java.util.List;

/** A household to register, as validated by the web layer or made by the demo seeder. */
public record NewHousehold(String divisionCode, HouseholdCategory category, boolean notEntitledToPolicy,
                           List<NewMember> members) {

    public record NewMember(String name, String idNumber, String relationship, String labourCapacity) {
    }
}
