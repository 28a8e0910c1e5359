package fushun.assetmanagement.income;

import fushun.assetmanagement.income.AssetIncome.Purpose;
import fushun.contracts.HouseholdCategory;
import java.util.Optional;

/**
 * Which households a village's distribution plan must serve, which it may serve, and which household
 * lines it may hold. Pure. Applies to the village's households as they are now: a household that moved
 * (HouseholdChanged) is in its new village's list, and the old village's plan neither must nor may serve it.
 * <ul>
 *   <li>every monitored household (a monitoring category, risk not eliminated) must get a share
 *       (收益优先用于监测人口防止返贫);</li>
 *   <li>a share for an out-of-poverty household (稳定脱贫) goes to a 脱贫户 only;</li>
 *   <li>a household flagged 脱贫不享受政策户 gets no share of any kind and need not be served
 *       (§2(1)1: 不再享受帮扶政策).</li>
 * </ul>
 */
public final class ShareRule {

    /** A household of the village as the plan sees it. */
    public record Standing(HouseholdCategory category, boolean notEntitledToPolicy, boolean eliminated) {
    }

    /** Why a line is refused: a short title and the reason in full. */
    public record Refusal(String title, String reason) {
    }

    private ShareRule() {
    }

    public static boolean mustBeServed(Standing h) {
        return !h.notEntitledToPolicy() && !h.eliminated() && h.category().isMonitoringCategory();
    }

    public static boolean mayBeServed(Standing h) {
        return !h.notEntitledToPolicy() && h.category() == HouseholdCategory.OUT_OF_POVERTY;
    }

    /** @param household the household named by a line, or null when it is not registered in the village */
    public static Optional<Refusal> refusalOf(Purpose purpose, Standing household) {
        if (household != null && household.notEntitledToPolicy()) {
            return Optional.of(new Refusal("脱贫不享受政策户", "该户已标注为脱贫不享受政策户，不再享受帮扶政策，"
                    + "不能分配资产收益（" + (purpose == Purpose.MONITORED_HOUSEHOLD ? "监测对象" : "脱贫户") + "份额）。"));
        }
        if (purpose == Purpose.MONITORED_HOUSEHOLD && (household == null || !mustBeServed(household))) {
            return Optional.of(new Refusal("分配对象有误", "农户不是本村的监测对象。"));
        }
        if (purpose == Purpose.OUT_OF_POVERTY_HOUSEHOLD
                && (household == null || !mayBeServed(household))) {
            return Optional.of(new Refusal("分配对象有误", "农户不是本村的脱贫户。"));
        }
        return Optional.empty();
    }
}
