package fushun.housingsafety.household;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowIncomeTest {

    @ParameterizedTest(name = "{0}, assisted {1}, 脱贫不享受政策户 {2}: low-income = {3}")
    @CsvSource({
            "OUT_OF_POVERTY,           false, false, true",
            "OUT_OF_POVERTY,           false, true,  false",
            "OUT_OF_POVERTY,           true,  true,  true",
            "UNSTABLE_OUT_OF_POVERTY,  false, false, true",
            "MARGINAL,                 false, false, true",
            "SUDDEN_SEVERE_DIFFICULTY, false, false, true",
            "ORDINARY,                 false, false, false",
            "ORDINARY,                 true,  false, true"})
    void shouldCountAHouseholdLowIncomeByCategoryFlagOrAssistance(HouseholdCategory category, boolean assisted,
                                                                  boolean notEntitled, boolean lowIncome) {
        Households.Household household = new Households.Household(UUID.randomUUID(), "210422100201", category, "户主",
                assisted, notEntitled);
        assertThat(household.lowIncome()).isEqualTo(lowIncome);
    }
}
