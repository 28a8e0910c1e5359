package fushun.medicalinsurance.tiers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The three tiers of one settlement (三重保障): basic insurance (paid by the basic scheme, reported
 * with the settlement) → critical-illness insurance (大病保险) → medical assistance (医疗救助).
 * Pure: the person's year-to-date figures and the parameters in force come in, the two computed
 * tiers and the self-pay come out. Every amount is rounded to the fen, half up, tier by tier.
 *
 * <ul>
 *   <li><b>Critical illness</b> pays {@code ratio} of the person's policy-range cost left after basic
 *       insurance, accumulated over the year, above the yearly {@code deductible}, up to the yearly
 *       {@code cap}. For tilted people (dibao, 特困, returned to poverty) the deductible is lowered and
 *       the ratio raised by the tilt parameters, and there is no cap.</li>
 *   <li><b>Medical assistance</b> pays the person's assistance {@code ratio} of the policy-range cost
 *       still left after critical illness, up to the yearly assistance cap. Only people with an
 *       assistance class (特困, dibao, monitored) get it.</li>
 *   <li><b>Self-pay</b> is the total cost minus the three tiers.</li>
 * </ul>
 */
public final class ThreeTiers {

    /** One settlement's cost: the total, the part inside the policy range, what basic insurance paid. */
    public record Cost(BigDecimal total, BigDecimal policyRange, BigDecimal basicPaid) {
    }

    /** The person's year so far, before this settlement. */
    public record YearToDate(BigDecimal afterBasic, BigDecimal criticalPaid, BigDecimal assistancePaid) {

        public static final YearToDate NONE = new YearToDate(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * The parameters in force for the settlement's date and county, already tilted or not for this
     * person: {@code criticalCap} null means no cap; {@code assistanceRatio} zero means no assistance.
     */
    public record Rules(BigDecimal criticalDeductible, BigDecimal criticalRatio, BigDecimal criticalCap,
                        BigDecimal assistanceRatio, BigDecimal assistanceCap) {
    }

    public record Result(BigDecimal criticalIllness, BigDecimal medicalAssistance, BigDecimal selfPay,
                         YearToDate after) {
    }

    private ThreeTiers() {
    }

    public static Result settle(Cost cost, YearToDate ytd, Rules rules) {
        BigDecimal afterBasic = cost.policyRange().subtract(cost.basicPaid()).max(BigDecimal.ZERO);

        BigDecimal aboveBefore = ytd.afterBasic().subtract(rules.criticalDeductible()).max(BigDecimal.ZERO);
        BigDecimal aboveAfter = ytd.afterBasic().add(afterBasic).subtract(rules.criticalDeductible()).max(BigDecimal.ZERO);
        BigDecimal critical = fen(aboveAfter.subtract(aboveBefore).multiply(rules.criticalRatio()));
        if (rules.criticalCap() != null) {
            critical = critical.min(rules.criticalCap().subtract(ytd.criticalPaid()).max(BigDecimal.ZERO));
        }

        BigDecimal leftInRange = afterBasic.subtract(critical).max(BigDecimal.ZERO);
        BigDecimal assistance = fen(leftInRange.multiply(rules.assistanceRatio()))
                .min(rules.assistanceCap().subtract(ytd.assistancePaid()).max(BigDecimal.ZERO));

        BigDecimal selfPay = fen(cost.total().subtract(cost.basicPaid()).subtract(critical).subtract(assistance));
        return new Result(fen(critical), fen(assistance), selfPay, new YearToDate(ytd.afterBasic().add(afterBasic),
                ytd.criticalPaid().add(critical), ytd.assistancePaid().add(assistance)));
    }

    private static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
