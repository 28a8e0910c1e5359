package fushun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdCategoryTest {

    @ParameterizedTest(name = "{0}, 脱贫不享受政策户={1}: shares={2}, applies={3}")
    @CsvSource({
            // §2(1)1: 边缘易致贫户与脱贫户、脱贫不稳定户享受同样的帮扶政策
            "OUT_OF_POVERTY,           false, true,  true",
            "UNSTABLE_OUT_OF_POVERTY,  false, true,  true",
            "MARGINAL,                 false, true,  true",
            "SUDDEN_SEVERE_DIFFICULTY, false, false, false",
            "ORDINARY,                 false, false, false",
            // 系统中标注"脱贫不享受政策户"不再享受帮扶政策
            "OUT_OF_POVERTY,           true,  true,  false",
            "UNSTABLE_OUT_OF_POVERTY,  true,  true,  false",
            "MARGINAL,                 true,  true,  false",
            "ORDINARY,                 true,  false, false"})
    void shouldApplyTransitionPoliciesWhenOutOfPovertyOrMarginalAndEntitled(HouseholdCategory category,
                                                                             boolean notEntitled, boolean shares,
                                                                             boolean applies) {
        assertThat(category.sharesTransitionPolicies()).isEqualTo(shares);
        assertThat(category.transitionPoliciesApply(notEntitled)).isEqualTo(applies);
    }
}
