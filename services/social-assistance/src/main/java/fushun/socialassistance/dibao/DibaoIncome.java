package fushun.socialassistance.dibao;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Household income as the dibao test counts it (§2(2)3): the residents' basic pension (城乡居民基础
 * 养老金) is not counted; rigid spending on illness, schooling and employment is deducted, each up to
 * its cap. Yearly amounts in yuan; the result never goes below zero.
 */
public final class DibaoIncome {

    /** A year's declared income and rigid spending. */
    public record Declaration(BigDecimal totalIncome, BigDecimal basicPension, BigDecimal illnessSpending,
                              BigDecimal schoolingSpending, BigDecimal employmentCosts) {
    }

    /** The caps of the three deductions, from the parameters in force. */
    public record Caps(BigDecimal illness, BigDecimal schooling, BigDecimal employment) {
    }

    private DibaoIncome() {
    }

    public static BigDecimal countedYearlyIncome(Declaration d, Caps caps) {
        BigDecimal counted = d.totalIncome().subtract(d.basicPension())
                .subtract(d.illnessSpending().min(caps.illness()))
                .subtract(d.schoolingSpending().min(caps.schooling()))
                .subtract(d.employmentCosts().min(caps.employment()));
        return counted.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }
}
