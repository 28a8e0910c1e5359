package fushun.housingsafety.household;

import fushun.contracts.HouseholdCategory;

/**
 * Who is low-income (农村低收入群体) for housing safety: their C and D houses get a subsidised
 * renovation and the yearly screening covers them. Pure.
 * <ul>
 *   <li>a household civil affairs assists (dibao, 特困): always — that is social assistance's own
 *       decision (兜底), not a transition policy;</li>
 *   <li>otherwise by its category: 脱贫户 or a monitoring category, unless flagged 脱贫不享受政策户
 *       (§2(1)1: 不再享受帮扶政策);</li>
 *   <li>nobody else.</li>
 * </ul>
 */
public final class LowIncome {

    private LowIncome() {
    }

    public static boolean of(HouseholdCategory category, boolean notEntitledToPolicy, boolean assisted) {
        return assisted || !notEntitledToPolicy && category.isMonitoredOrOutOfPoverty();
    }

    /** Why an unsafe house of a household that is not low-income gets no subsidy, in the closing's words. */
    public static String whyNot(boolean notEntitledToPolicy) {
        return notEntitledToPolicy ? "该户为脱贫不享受政策户，不再享受帮扶政策，不纳入危房改造补助范围"
                : "该户不属于农村低收入群体，不纳入危房改造补助范围";
    }
}
