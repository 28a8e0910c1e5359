package fushun.assetmanagement.income;

import fushun.assetmanagement.income.AssetIncome.Line;
import fushun.assetmanagement.income.AssetIncome.Purpose;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Whether a village's distribution plan (收益分配方案) for a year may be confirmed. Pure. The plan
 * <ul>
 *   <li>needs income to distribute;</li>
 *   <li>names a household on a household's share (监测对象 or 脱贫户) and on no other line, and each
 *       household once, each allowed by {@link ShareRule};</li>
 *   <li>serves every monitored household of the village (收益优先用于监测人口防止返贫);</li>
 *   <li>adds up to the village's income exactly, to the fen: nothing is rounded away or left over
 *       (an income of 100.00 shared by three is 33.34 + 33.33 + 33.33).</li>
 * </ul>
 */
public final class DistributionPlan {

    private DistributionPlan() {
    }

    /**
     * @param households the village's households as they are now, by id
     * @param income     the village's income of the year from its operating assets
     * @return the first refusal (title, reason), or empty when the plan may be confirmed
     */
    public static Optional<ShareRule.Refusal> refusal(int year, BigDecimal income, Map<UUID, ShareRule.Standing> households,
                                                      List<Line> lines) {
        if (income.signum() == 0) {
            return refuse("没有收益", "该村 " + year + " 年没有登记经营性资产收益。");
        }
        Set<UUID> seen = new HashSet<>();
        for (Line line : lines) {
            boolean forHousehold = line.purpose() == Purpose.MONITORED_HOUSEHOLD
                    || line.purpose() == Purpose.OUT_OF_POVERTY_HOUSEHOLD;
            if (forHousehold != (line.householdId() != null)) {
                return refuse("分配对象有误", "分给农户的收益须写明农户，其他用途不写农户。");
            }
            if (forHousehold) {
                Optional<ShareRule.Refusal> share = ShareRule.refusalOf(line.purpose(), households.get(line.householdId()));
                if (share.isPresent()) {
                    return share;
                }
                if (!seen.add(line.householdId())) {
                    return refuse("分配对象重复", "同一农户只能列一行。");
                }
            }
        }
        Set<UUID> missing = households.entrySet().stream().filter(h -> ShareRule.mustBeServed(h.getValue()))
                .map(Map.Entry::getKey).filter(h -> !seen.contains(h)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            return refuse("未优先保障监测对象", "本村还有 " + missing.size()
                    + " 户监测对象未列入分配，收益须优先用于监测人口防止返贫。");
        }
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(income) != 0) {
            return refuse("合计不符", "分配合计 " + total.toPlainString() + " 元，应等于本村 " + year
                    + " 年资产收益 " + income.toPlainString() + " 元。");
        }
        return Optional.empty();
    }

    private static Optional<ShareRule.Refusal> refuse(String title, String reason) {
        return Optional.of(new ShareRule.Refusal(title, reason));
    }
}
