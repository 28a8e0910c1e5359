package fushun.medicalinsurance.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.medicalinsurance.tiers.ThreeTiers.Cost;
import fushun.medicalinsurance.tiers.ThreeTiers.Result;
import fushun.medicalinsurance.tiers.ThreeTiers.Rules;
import fushun.medicalinsurance.tiers.ThreeTiers.YearToDate;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deductible 10,000, ratio 60 %, cap 300,000 (tilted: deductible 5,000, ratio 65 %, no cap);
 * assistance 70 % up to 30,000 a year for dibao.
 */
class ThreeTiersTest {

    private static final Rules ORDINARY = new Rules(bd("10000"), bd("0.60"), bd("300000"), BigDecimal.ZERO, bd("30000"));
    private static final Rules DIBAO = new Rules(bd("5000"), bd("0.65"), null, bd("0.70"), bd("30000"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // name                                   | total | range | basic | ytd after basic | ytd critical | critical | self-pay
            "deductible exactly met: nothing yet       | 15000 | 12000 |  2000 |     0 |      0 |     0.00 | 13000.00",
            "one yuan above the deductible             | 15001 | 12001 |  2000 |     0 |      0 |     0.60 | 13000.40",
            "crossing the deductible in a later stay   |  9000 |  8000 |  3000 |  8000 |      0 |  1800.00 |  4200.00",
            "already above: the whole part counts      |  6000 |  5000 |  1000 | 20000 |      0 |  2400.00 |  2600.00",
            "cap reached mid-year: only what is left   | 90000 | 90000 | 10000 | 50000 | 299000 |  1000.00 | 79000.00",
            "cap already used up                       |  5000 |  5000 |  1000 | 90000 | 300000 |     0.00 |  4000.00",
            "outside the policy range pays no tier     |  8000 |  3000 |  3000 | 20000 |      0 |     0.00 |  5000.00",
            "rounding to the fen, half up (0.006)      | 100.01 | 100.01 | 100.00 | 10000 | 0 | 0.01 |     0.00"})
    void shouldPayCriticalIllnessAboveTheYearlyDeductibleUpToTheCap(String name, BigDecimal total, BigDecimal range,
                                                                    BigDecimal basic, BigDecimal ytdAfterBasic,
                                                                    BigDecimal ytdCritical, BigDecimal critical,
                                                                    BigDecimal selfPay) {
        Result result = ThreeTiers.settle(new Cost(total, range, basic),
                new YearToDate(ytdAfterBasic, ytdCritical, BigDecimal.ZERO), ORDINARY);

        assertThat(result.criticalIllness()).isEqualByComparingTo(critical);
        assertThat(result.medicalAssistance()).isEqualByComparingTo("0");
        assertThat(result.selfPay()).isEqualByComparingTo(selfPay);
    }

    @Test
    void shouldTiltForDibaoAndThenAssistWithinTheYearlyCap() {
        // after basic 20,000; critical (20,000 - 5,000) x 65 % = 9,750; left 10,250 x 70 % = 7,175
        Result first = ThreeTiers.settle(new Cost(bd("30000"), bd("28000"), bd("8000")), YearToDate.NONE, DIBAO);
        assertThat(first.criticalIllness()).isEqualByComparingTo("9750.00");
        assertThat(first.medicalAssistance()).isEqualByComparingTo("7175.00");
        assertThat(first.selfPay()).isEqualByComparingTo("5075.00");

        // no cap on critical illness when tilted; assistance stops at 30,000 for the year
        Result later = ThreeTiers.settle(new Cost(bd("900000"), bd("900000"), bd("100000")),
                new YearToDate(bd("20000"), bd("9750"), bd("29500")), DIBAO);
        assertThat(later.criticalIllness()).isEqualByComparingTo("520000.00");
        assertThat(later.medicalAssistance()).isEqualByComparingTo("500.00");
        assertThat(later.after().assistancePaid()).isEqualByComparingTo("30000.00");
        assertThat(later.after().criticalPaid()).isEqualByComparingTo("529750.00");
    }

    @Test
    void shouldCarryTheYearToDateForward() {
        Result result = ThreeTiers.settle(new Cost(bd("15000"), bd("12000"), bd("2000")),
                new YearToDate(bd("3000"), bd("0"), bd("0")), ORDINARY);

        assertThat(result.after().afterBasic()).isEqualByComparingTo("13000");
        assertThat(result.criticalIllness()).isEqualByComparingTo("1800.00");
        assertThat(result.after().criticalPaid()).isEqualByComparingTo("1800.00");
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
