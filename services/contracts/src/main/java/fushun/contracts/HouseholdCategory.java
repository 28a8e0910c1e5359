package fushun.contracts;

/** A household's category; it has one at a time. */
public enum HouseholdCategory {
    OUT_OF_POVERTY("脱贫户"),
    UNSTABLE_OUT_OF_POVERTY("脱贫不稳定户"),
    MARGINAL("边缘易致贫户"),
    SUDDEN_SEVERE_DIFFICULTY("突发严重困难户"),
    ORDINARY("一般农户");

    private final String label;

    HouseholdCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The categories of monitoring objects (监测对象): 脱贫不稳定户, 边缘易致贫户, 突发严重困难户. */
    public boolean isMonitoringCategory() {
        return this == UNSTABLE_OUT_OF_POVERTY || this == MARGINAL || this == SUDDEN_SEVERE_DIFFICULTY;
    }

    /** Out of poverty (脱贫户, 脱贫不稳定户): the transition-period policies apply to them. */
    public boolean isOutOfPoverty() {
        return this == OUT_OF_POVERTY || this == UNSTABLE_OUT_OF_POVERTY;
    }

    /**
     * 脱贫户, 脱贫不稳定户 and 边缘易致贫户: the transition period's policies (过渡期帮扶政策) apply to them
     * alike (§2(1)1: 边缘易致贫户与脱贫户、脱贫不稳定户享受同样的帮扶政策). Every service asks this one
     * question, so the groups never drift apart between bureaus. A household flagged 脱贫不享受政策户 gets
     * none of them whatever its category: see {@link #transitionPoliciesApply(boolean)}.
     */
    public boolean sharesTransitionPolicies() {
        return this == OUT_OF_POVERTY || this == UNSTABLE_OUT_OF_POVERTY || this == MARGINAL;
    }

    /**
     * Whether a household of this category gets the transition policies, given its flag 脱贫不享受政策户
     * (§2(1)1: 系统中标注"脱贫不享受政策户"不再享受帮扶政策).
     */
    public boolean transitionPoliciesApply(boolean notEntitledToPolicy) {
        return !notEntitledToPolicy && sharesTransitionPolicies();
    }

    /** Monitored or out of poverty: the groups for which DOMAIN.md's lower self-pay threshold applies. */
    public boolean isMonitoredOrOutOfPoverty() {
        return this != ORDINARY;
    }
}
