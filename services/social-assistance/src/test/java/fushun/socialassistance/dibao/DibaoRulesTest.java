package fushun.socialassistance.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.contracts.HouseholdCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DibaoRulesTest {

    private static final DibaoIncome.Caps CAPS = new DibaoIncome.Caps(new BigDecimal("6000"), new BigDecimal("3000"),
            new BigDecimal("2000"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "basic pension not counted,           12000, 1800,    0,    0,    0, 10200.00",
            "illness deducted in full,            12000,    0, 4000,    0,    0,  8000.00",
            "illness deducted up to its cap,      12000,    0, 9000,    0,    0,  6000.00",
            "all three deductions at their caps,  20000,    0, 6000, 3000, 2000,  9000.00",
            "never below zero,                     5000, 1000, 9000, 9000, 9000,     0.00",
            "nothing to deduct,                    8400.50, 0,   0,    0,    0,  8400.50"})
    void shouldCountIncomeAsTheDibaoTestDoes(String name, BigDecimal income, BigDecimal pension, BigDecimal illness,
                                             BigDecimal schooling, BigDecimal employment, BigDecimal counted) {
        assertThat(DibaoIncome.countedYearlyIncome(new DibaoIncome.Declaration(income, pension, illness, schooling,
                employment), CAPS)).isEqualByComparingTo(counted);
    }

    @ParameterizedTest(name = "standard {0}, income {1}, {2} members -> {3}")
    @CsvSource({
            "520.00,     0.00, 1, 520.00",
            "520.00,  6000.00, 2, 540.00",
            "520.00,  6240.00, 1,   0.00",
            "520.00,  6241.00, 1,   0.00",
            "520.00,  6239.99, 1,   0.00",
            "520.00, 10000.00, 3, 726.66",
            "460.00, 20000.00, 3,   0.00"})
    void shouldPayTheGapTimesMembers(BigDecimal standard, BigDecimal countedYearly, int members, BigDecimal benefit) {
        assertThat(DibaoBenefit.monthlyBenefit(standard, countedYearly, members)).isEqualByComparingTo(benefit);
    }

    @Test
    void shouldStateTheMonthlyIncomePerPersonToTheFen() {
        // 10,000 / 12 / 3 = 277.777... -> 277.78; gap 520 - 277.78 = 242.22; x 3 = 726.66
        assertThat(DibaoBenefit.monthlyIncomePerPerson(new BigDecimal("10000"), 3)).isEqualByComparingTo("277.78");
        assertThat(DibaoBenefit.monthlyIncomePerPerson(new BigDecimal("6239.99"), 1)).isEqualByComparingTo("520.00");
        assertThatThrownBy(() -> DibaoBenefit.monthlyBenefit(BigDecimal.TEN, BigDecimal.ONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "decided {0} -> first month without payment {1}")
    @CsvSource({
            "2026-03-01, 2026-04",
            "2026-03-31, 2026-04",
            "2026-01-31, 2026-02",
            "2026-12-01, 2027-01",
            "2026-12-31, 2027-01",
            "2028-02-29, 2028-03"})
    void shouldStopFromTheMonthAfterTheDecision(LocalDate decided, YearMonth firstWithout) {
        assertThat(DibaoCalendar.firstMonthWithoutPayment(decided)).isEqualTo(firstWithout);
    }

    @ParameterizedTest(name = "{1} 脱贫不享受政策户={2}, granted {0}: review {3}")
    @CsvSource({
            "2026-01-31, ORDINARY,                 false, 2027-01-31",
            "2026-01-31, SUDDEN_SEVERE_DIFFICULTY, false, 2027-01-31",
            "2026-01-31, OUT_OF_POVERTY,           false, 2028-01-31",
            "2026-01-31, UNSTABLE_OUT_OF_POVERTY,  false, 2028-01-31",
            // 边缘易致贫户: the same policies as 脱贫户 (§2(1)1)
            "2026-01-31, MARGINAL,                 false, 2028-01-31",
            // 脱贫不享受政策户: the regular period
            "2026-01-31, OUT_OF_POVERTY,           true,  2027-01-31",
            "2026-01-31, MARGINAL,                 true,  2027-01-31",
            "2024-02-29, ORDINARY,                 false, 2025-02-28",
            "2024-02-29, MARGINAL,                 false, 2026-02-28"})
    void shouldReviewLessOftenWhenTheHouseholdGetsTheTransitionPolicies(LocalDate granted, HouseholdCategory category,
                                                                        boolean notEntitled, LocalDate review) {
        assertThat(DibaoCalendar.nextReview(granted, category, notEntitled, 12, 24)).isEqualTo(review);
    }
}
