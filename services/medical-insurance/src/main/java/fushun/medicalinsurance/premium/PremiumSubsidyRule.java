package fushun.medicalinsurance.premium;

import fushun.contracts.HouseholdCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Who gets the residents' medical-insurance premium paid, and how much (§2(2)4: 全额资助特困人员、
 * 低保对象，过渡期内延续实施脱贫人口资助政策并逐步调整). Pure.
 * <ul>
 *   <li>特困 or dibao on any day of the year: the whole individual premium.</li>
 *   <li>otherwise a person of an out-of-poverty household (脱贫户, 脱贫不稳定户) or of a marginal one
 *       (边缘易致贫户, which gets the same policies, §2(1)1) that is entitled to policy (not
 *       脱贫不享受政策户): the transition share of the premium, to the fen.</li>
 *   <li>nobody else.</li>
 * </ul>
 */
public final class PremiumSubsidyRule {

    public enum Kind { FULL, TRANSITION }

    public record Subsidy(Kind kind, String basis, BigDecimal amount) {
    }

    private PremiumSubsidyRule() {
    }

    /** {@code assistanceBasis}: TEKUN or DIBAO if the person had it in the year, else null. */
    public static Optional<Subsidy> subsidyOf(String assistanceBasis, HouseholdCategory category,
                                              boolean notEntitledToPolicy, BigDecimal premium, BigDecimal transitionShare) {
        if (assistanceBasis != null) {
            return Optional.of(new Subsidy(Kind.FULL, "TEKUN".equals(assistanceBasis) ? "特困人员" : "低保对象",
                    premium.setScale(2, RoundingMode.HALF_UP)));
        }
        if (category.transitionPoliciesApply(notEntitledToPolicy)) {
            return Optional.of(new Subsidy(Kind.TRANSITION,
                    category == HouseholdCategory.MARGINAL ? "边缘易致贫人口（过渡期，同脱贫人口）" : "脱贫人口（过渡期）",
                    premium.multiply(transitionShare).setScale(2, RoundingMode.HALF_UP)));
        }
        return Optional.empty();
    }
}
