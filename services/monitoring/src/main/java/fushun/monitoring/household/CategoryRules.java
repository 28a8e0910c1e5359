package fushun.monitoring.household;

import fushun.contracts.HouseholdCategory;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which category a household may take, and how. A monitoring category (脱贫不稳定户, 边缘易致贫户,
 * 突发严重困难户) is named only by the county step of the identification procedure; a 脱贫户 with a
 * confirmed new risk becomes 脱贫不稳定户, an ordinary household 边缘易致贫户 or 突发严重困难户, never
 * 脱贫不稳定户 (it was never out of poverty). A cadre may correct only the categories outside
 * monitoring (脱贫户 ⇄ 一般农户, a registration error). Pure.
 */
public final class CategoryRules {

    private CategoryRules() {
    }

    /** The categories the county step may confirm for a household that is {@code current} now. */
    public static Set<HouseholdCategory> countyMayName(HouseholdCategory current) {
        return switch (current) {
            case OUT_OF_POVERTY, UNSTABLE_OUT_OF_POVERTY -> EnumSet.of(HouseholdCategory.UNSTABLE_OUT_OF_POVERTY);
            case ORDINARY, MARGINAL, SUDDEN_SEVERE_DIFFICULTY ->
                    EnumSet.of(HouseholdCategory.MARGINAL, HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY);
        };
    }

    /** Whether a cadre may change the category directly, as a correction of the registration. */
    public static boolean cadreMayCorrect(HouseholdCategory from, HouseholdCategory to) {
        return from != to && !from.isMonitoringCategory() && !to.isMonitoringCategory();
    }
}
