package fushun.medicalinsurance.premium;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PremiumSubsidyRuleTest {

    private static final BigDecimal PREMIUM = new BigDecimal("380");
    private static final BigDecimal SHARE = new BigDecimal("0.5");

    @ParameterizedTest(name = "{0} {1} 脱贫不享受政策户={2}: {3} {4}")
    @CsvSource(nullValues = "-", value = {
            // dibao and 特困: full, whatever the household (兜底, not a transition policy)
            "TEKUN, ORDINARY,                 false, FULL,       380.00",
            "DIBAO, ORDINARY,                 false, FULL,       380.00",
            "DIBAO, OUT_OF_POVERTY,           true,  FULL,       380.00",
            // the transition share: 脱贫户, 脱贫不稳定户 and 边缘易致贫户 alike (§2(1)1)
            "-,     OUT_OF_POVERTY,           false, TRANSITION, 190.00",
            "-,     UNSTABLE_OUT_OF_POVERTY,  false, TRANSITION, 190.00",
            "-,     MARGINAL,                 false, TRANSITION, 190.00",
            // 脱贫不享受政策户: nothing
            "-,     OUT_OF_POVERTY,           true,  -,          -",
            "-,     MARGINAL,                 true,  -,          -",
            // nobody else
            "-,     SUDDEN_SEVERE_DIFFICULTY, false, -,          -",
            "-,     ORDINARY,                 false, -,          -"})
    void shouldSubsidiseMarginalHouseholdsLikeOutOfPovertyWhenEntitled(String assistance, HouseholdCategory category,
                                                                       boolean notEntitled, PremiumSubsidyRule.Kind kind,
                                                                       String amount) {
        Optional<PremiumSubsidyRule.Subsidy> subsidy =
                PremiumSubsidyRule.subsidyOf(assistance, category, notEntitled, PREMIUM, SHARE);

        assertThat(subsidy.map(PremiumSubsidyRule.Subsidy::kind).orElse(null)).isEqualTo(kind);
        assertThat(subsidy.map(PremiumSubsidyRule.Subsidy::amount).orElse(null))
                .isEqualTo(amount == null ? null : new BigDecimal(amount));
    }

    @ParameterizedTest
    @CsvSource({
            "MARGINAL,       边缘易致贫人口（过渡期，同脱贫人口）",
            "OUT_OF_POVERTY, 脱贫人口（过渡期）"})
    void shouldNameTheBasisWhenTransitionShare(HouseholdCategory category, String basis) {
        assertThat(PremiumSubsidyRule.subsidyOf(null, category, false, PREMIUM, SHARE).orElseThrow().basis()).isEqualTo(basis);
    }

    @ParameterizedTest
    @CsvSource({"0.333, 126.54", "0.3335, 126.73"})
    void shouldRoundTheShareToTheFenHalfUpWhenTransition(String share, String amount) {
        assertThat(PremiumSubsidyRule.subsidyOf(null, HouseholdCategory.MARGINAL, false, PREMIUM, new BigDecimal(share))
                .orElseThrow().amount()).isEqualTo(new BigDecimal(amount));
    }
}
