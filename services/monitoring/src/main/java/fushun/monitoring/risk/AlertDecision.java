package fushun.monitoring.risk;

import fushun.contracts.RiskType;

/**
 * Whether a signal raises an alert, and why: the explanation is kept with the signal either way.
 */
public record AlertDecision(boolean raise, String explanation) {

    /**
     * The rule: a signal raises an alert unless the household is marked 脱贫不享受政策户 (no longer
     * entitled to assistance, §2(1)1) or is already monitored for that risk type.
     */
    public static AlertDecision decide(RiskType riskType, boolean notEntitledToPolicy, boolean alreadyMonitored,
                                       String signalSummary) {
        if (notEntitledToPolicy) {
            return new AlertDecision(false, "该户为脱贫不享受政策户，不纳入帮扶：" + signalSummary);
        }
        if (alreadyMonitored) {
            return new AlertDecision(false, "该户已因「" + riskType.label() + "」在监测中，不重复预警：" + signalSummary);
        }
        return new AlertDecision(true, "风险类型「" + riskType.label() + "」：" + signalSummary);
    }
}
