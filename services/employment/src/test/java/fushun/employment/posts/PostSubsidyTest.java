package fushun.employment.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostSubsidyTest {

    @ParameterizedTest(name = "{0} 元/月, {1}/{2} 天: {3}")
    @CsvSource({
            // at or beyond the required days: the full subsidy, never more
            "800.00, 22, 22, 800.00",
            "800.00, 25, 22, 800.00",
            "600,    20, 20, 600.00",
            // in proportion: 800 × 11 ÷ 22 = 400
            "800.00, 11, 22, 400.00",
            // 800 × 10 ÷ 22 = 363.6363… → 363.64 (half up at the fen)
            "800.00, 10, 22, 363.64",
            // 700 × 1 ÷ 22 = 31.8181… → 31.82
            "700.00,  1, 22,  31.82",
            // 600 × 7 ÷ 24 = 175.00 exactly
            "600.00,  7, 24, 175.00",
            // 100 × 1 ÷ 8 = 12.5 → 12.50; 0.10 × 1 ÷ 4 = 0.025 → 0.03 (half up)
            "100.00,  1,  8,  12.50",
            "0.10,    1,  4,   0.03",
            // a month without a day worked earns nothing
            "800.00,  0, 22,   0.00"})
    void shouldPayInProportionToTheDaysWhenFewerThanRequired(String monthly, int days, int required, String subsidy) {
        assertThat(PostSubsidy.forMonth(new BigDecimal(monthly), days, required)).isEqualTo(new BigDecimal(subsidy));
    }

    @Test
    void shouldRefuseNegativeDaysOrNoRequiredDaysWhenAsked() {
        assertThatThrownBy(() -> PostSubsidy.forMonth(new BigDecimal("800"), -1, 22))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostSubsidy.forMonth(new BigDecimal("800"), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
