package fushun.assetmanagement.income;

import fushun.contracts.HouseholdCategory;

/**
 * Which of a village's households a distribution plan serves: it must serve every monitored
 * household whose risk is not eliminated (监测人口防止返贫) and may serve out-of-poverty households
 * (稳定脱贫). A 脱贫不享受政策户 is recorded but not assisted: a plan serves it neither way.
 */
final class PlanHouseholds {

    private PlanHouseholds() {
    }

    static boolean mustServe(HouseholdCategory category, boolean eliminated, boolean notEntitledToPolicy) {
        return !notEntitledToPolicy && !eliminated && category.isMonitoringCategory();
    }

    static boolean mayServe(HouseholdCategory category, boolean notEntitledToPolicy) {
        return !notEntitledToPolicy && category == HouseholdCategory.OUT_OF_POVERTY;
    }
}
