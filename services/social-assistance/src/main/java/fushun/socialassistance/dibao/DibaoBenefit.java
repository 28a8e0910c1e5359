package fushun.socialassistance.dibao;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The monthly benefit: the gap between the county's monthly standard and the household's counted
 * monthly income per person, times the members. Rounding, stated once: the counted monthly income
 * per person is the yearly income divided by 12 and by the members, to the fen (half up); the
 * benefit is the per-person gap to the fen times the members. No gap, no benefit.
 */
public final class DibaoBenefit {

    private DibaoBenefit() {
    }

    public static BigDecimal monthlyIncomePerPerson(BigDecimal countedYearlyIncome, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("a household has at least one member");
        }
        return countedYearlyIncome.divide(BigDecimal.valueOf(12L * members), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal monthlyBenefit(BigDecimal standardPerPersonMonthly, BigDecimal countedYearlyIncome, int members) {
        BigDecimal gap = standardPerPersonMonthly.subtract(monthlyIncomePerPerson(countedYearlyIncome, members));
        if (gap.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return gap.setScale(2, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(members));
    }
}
