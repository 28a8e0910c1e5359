package fushun.monitoring.discovery;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a clue leads to. Pure, so the table of cases is tested without Spring. */
public record ClueDecision(Outcome outcome, List<RiskType> riskTypes, boolean greenChannel, String explanation) {

    public enum Outcome {
        /** 脱贫不享受政策户: recorded, no assistance (§2(1)1). */
        EXCLUDED,
        /** every reported risk is already being monitored: recorded, no duplicate alert. */
        ALREADY_MONITORED,
        /** a household in the monitored population: warn now (风险预警). */
        ALERT,
        /**
         * a 脱贫户 with a new risk: warn now (the transition-period policies already cover it) and
         * open the procedure whose county step makes it a 脱贫不稳定户.
         */
        ALERT_AND_IDENTIFY,
        /** an ordinary household: the village → township → county procedure decides. */
        IDENTIFY,
        /** a visit that found no risk: recorded only. */
        NO_RISK
    }

    /** The risks that go through the green channel at once; the others wait for the procedure. */
    public List<RiskType> greenChannelRisks() {
        return riskTypes.stream().filter(GREEN_CHANNEL::contains).toList();
    }

    /** Disasters and accidents: help first, confirm later (绿色通道). */
    static final Set<RiskType> GREEN_CHANNEL = EnumSet.of(RiskType.DISASTER, RiskType.ACCIDENT);

    public static ClueDecision decide(List<RiskType> reported, Set<RiskType> alreadyMonitored, boolean notEntitledToPolicy,
                                      HouseholdCategory category, String summary) {
        if (notEntitledToPolicy) {
            return new ClueDecision(Outcome.EXCLUDED, List.of(), false, "该户为脱贫不享受政策户，不纳入帮扶：" + summary);
        }
        Set<RiskType> fresh = new LinkedHashSet<>(reported);
        fresh.removeAll(alreadyMonitored);
        if (fresh.isEmpty()) {
            return new ClueDecision(Outcome.ALREADY_MONITORED, List.of(), false, "该户已因所报风险在监测中，不重复预警：" + summary);
        }
        List<RiskType> types = List.copyOf(fresh);
        String labels = types.stream().map(t -> "「" + t.label() + "」").reduce("", String::concat);
        if (category == HouseholdCategory.OUT_OF_POVERTY) {
            return new ClueDecision(Outcome.ALERT_AND_IDENTIFY, types, false,
                    "风险类型" + labels + "（脱贫户，先预警帮扶，并进入村、乡、县认定程序确定是否为脱贫不稳定户）：" + summary);
        }
        if (category != HouseholdCategory.ORDINARY) {
            return new ClueDecision(Outcome.ALERT, types, false,
                    "风险类型" + labels + "（" + category.label() + "，已在监测范围）：" + summary);
        }
        boolean green = types.stream().anyMatch(GREEN_CHANNEL::contains);
        return new ClueDecision(Outcome.IDENTIFY, types, green,
                "风险类型" + labels + "（一般农户，进入村、乡、县认定程序" + (green ? "；因灾因意外，先帮扶后认定" : "") + "）：" + summary);
    }
}
