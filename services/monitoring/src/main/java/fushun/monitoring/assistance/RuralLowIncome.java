package fushun.monitoring.assistance;

import fushun.contracts.HouseholdCategory;

/**
 * The rural low-income population monitoring watches (农村低收入人口, §2(2)2): dibao and 特困 households
 * (农村低保对象、农村特困人员) whatever their category, and the monitoring objects (易返贫致贫人口 and
 * 突发严重困难户) unless flagged 脱贫不享受政策户. A stable 脱贫户 or an ordinary household without
 * assistance is not in it. Pure.
 */
public final class RuralLowIncome {

    private RuralLowIncome() {
    }

    /** @param onDibaoOrTekun a member is on dibao or 特困 today */
    public static boolean includes(HouseholdCategory category, boolean notEntitledToPolicy, boolean onDibaoOrTekun) {
        return onDibaoOrTekun || !notEntitledToPolicy && category.isMonitoringCategory();
    }
}
