package fushun.assetmanagement.income;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.assetmanagement.income.AssetIncome.Purpose;
import fushun.contracts.HouseholdCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShareRuleTest {

    @ParameterizedTest(name = "{0} for {1} 脱贫不享受政策户={2} eliminated={3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "OUT_OF_POVERTY_HOUSEHOLD, OUT_OF_POVERTY,          false, false, -",
            "OUT_OF_POVERTY_HOUSEHOLD, OUT_OF_POVERTY,          true,  false, 脱贫不享受政策户",
            "OUT_OF_POVERTY_HOUSEHOLD, MARGINAL,                false, false, 分配对象有误",
            "OUT_OF_POVERTY_HOUSEHOLD, ORDINARY,                false, false, 分配对象有误",
            "MONITORED_HOUSEHOLD,      MARGINAL,                false, false, -",
            "MONITORED_HOUSEHOLD,      UNSTABLE_OUT_OF_POVERTY, false, false, -",
            "MONITORED_HOUSEHOLD,      MARGINAL,                true,  false, 脱贫不享受政策户",
            "MONITORED_HOUSEHOLD,      MARGINAL,                false, true,  分配对象有误",
            "MONITORED_HOUSEHOLD,      OUT_OF_POVERTY,          false, false, 分配对象有误"})
    void shouldRefuseAShareWhenTheHouseholdIsNotEntitledOrOfAnotherGroup(Purpose purpose, HouseholdCategory category,
                                                                        boolean notEntitled, boolean eliminated,
                                                                        String refusalTitle) {
        assertThat(ShareRule.refusalOf(purpose, new ShareRule.Standing(category, notEntitled, eliminated))
                .map(ShareRule.Refusal::title).orElse(null)).isEqualTo(refusalTitle);
    }

    @ParameterizedTest
    @CsvSource({"OUT_OF_POVERTY_HOUSEHOLD", "MONITORED_HOUSEHOLD"})
    void shouldRefuseAShareWhenTheHouseholdIsNotOfTheVillage(Purpose purpose) {
        assertThat(ShareRule.refusalOf(purpose, null)).map(ShareRule.Refusal::title).contains("分配对象有误");
    }

    @ParameterizedTest
    @CsvSource({"OUT_OF_POVERTY_HOUSEHOLD, 脱贫户份额", "MONITORED_HOUSEHOLD, 监测对象份额"})
    void shouldSayInChineseWhyWhenNotEntitled(Purpose purpose, String share) {
        assertThat(ShareRule.refusalOf(purpose, new ShareRule.Standing(HouseholdCategory.OUT_OF_POVERTY, true, false))
                .orElseThrow().reason()).contains("脱贫不享受政策户").contains("不能分配资产收益").contains(share);
    }

    @ParameterizedTest(name = "{0} 脱贫不享受政策户={1} eliminated={2}: must be served {3}, may be served {4}")
    @CsvSource({
            "MARGINAL,                 false, false, true,  false",
            "UNSTABLE_OUT_OF_POVERTY,  false, false, true,  false",
            "SUDDEN_SEVERE_DIFFICULTY, false, false, true,  false",
            "MARGINAL,                 true,  false, false, false",
            "MARGINAL,                 false, true,  false, false",
            "OUT_OF_POVERTY,           false, false, false, true",
            "OUT_OF_POVERTY,           true,  false, false, false",
            "ORDINARY,                 false, false, false, false"})
    void shouldServeEveryMonitoredHouseholdAndMayServeOutOfPovertyOnesButNeverAHouseholdNotEntitled(
            HouseholdCategory category, boolean notEntitled, boolean eliminated, boolean mustBeServed,
            boolean mayBeServed) {
        ShareRule.Standing standing = new ShareRule.Standing(category, notEntitled, eliminated);
        assertThat(ShareRule.mustBeServed(standing)).isEqualTo(mustBeServed);
        assertThat(ShareRule.mayBeServed(standing)).isEqualTo(mayBeServed);
    }
}
