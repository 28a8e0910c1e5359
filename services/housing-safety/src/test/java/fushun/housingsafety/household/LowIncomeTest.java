package fushun.housingsafety.household;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowIncomeTest {

    @ParameterizedTest(name = "{0} 脱贫不享受政策户={1} assisted={2}: {3}")
    @CsvSource({
            "OUT_OF_POVERTY,           false, false, true",
            "UNSTABLE_OUT_OF_POVERTY,  false, false, true",
            "MARGINAL,                 false, false, true",
            "SUDDEN_SEVERE_DIFFICULTY, false, false, true",
            "ORDINARY,                 false, false, false",
            // 脱贫不享受政策户: not low-income by its category
            "OUT_OF_POVERTY,           true,  false, false",
            "MARGINAL,                 true,  false, false",
            // dibao / 特困 is civil affairs' own decision, whatever the category or flag
            "ORDINARY,                 false, true,  true",
            "OUT_OF_POVERTY,           true,  true,  true"})
    void shouldBeLowIncomeWhenAssistedOrByCategoryUnlessNotEntitled(HouseholdCategory category, boolean notEntitled,
                                                                    boolean assisted, boolean lowIncome) {
        assertThat(LowIncome.of(category, notEntitled, assisted)).isEqualTo(lowIncome);
        // the stored household (as registered or changed) answers by the same rule
        Households.Household household = new Households.Household(UUID.randomUUID(), "210422100201", category, "户主",
                assisted, notEntitled);
        assertThat(household.lowIncome()).isEqualTo(lowIncome);
    }

    @ParameterizedTest
    @CsvSource({"true, 脱贫不享受政策户", "false, 不属于农村低收入群体"})
    void shouldSayWhyNoSubsidyWhenNotLowIncome(boolean notEntitled, String reason) {
        assertThat(LowIncome.whyNot(notEntitled)).contains(reason).contains("不纳入危房改造补助范围");
    }
}
