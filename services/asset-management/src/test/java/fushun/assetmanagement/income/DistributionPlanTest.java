package fushun.assetmanagement.income;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.assetmanagement.income.AssetIncome.Line;
import fushun.assetmanagement.income.AssetIncome.Purpose;
import fushun.contracts.HouseholdCategory;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionPlanTest {

    /** The village: two monitored households, a 脱贫户, a 脱贫不享受政策户, one whose risk is eliminated, an ordinary one. */
    private static final Map<String, UUID> IDS = Map.of(
            "m1", id(1), "m2", id(2), "p", id(3), "n", id(4), "e", id(5), "o", id(6), "x", id(7));
    private static final Map<UUID, ShareRule.Standing> VILLAGE = Map.of(
            id(1), new ShareRule.Standing(HouseholdCategory.MARGINAL, false, false),
            id(2), new ShareRule.Standing(HouseholdCategory.UNSTABLE_OUT_OF_POVERTY, false, false),
            id(3), new ShareRule.Standing(HouseholdCategory.OUT_OF_POVERTY, false, false),
            id(4), new ShareRule.Standing(HouseholdCategory.OUT_OF_POVERTY, true, false),
            id(5), new ShareRule.Standing(HouseholdCategory.SUDDEN_SEVERE_DIFFICULTY, false, true),
            id(6), new ShareRule.Standing(HouseholdCategory.ORDINARY, false, false));

    @ParameterizedTest(name = "[{index}] income {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # income  | lines: purpose (M monitored, P out-of-poverty, R running, W welfare) household amount | refusal title | the reason names
            1000.00   | M m1 300.00, M m2 300.00, P p 200.00, R - 100.00, W - 100.00 | ''              | ''
            # all of it to the monitored households is a plan too; 600 and 600.00 are the same amount
            600       | M m1 300.00, M m2 300.00                                 | ''              | ''
            # rounding: 100.00 between three lines is 33.34 + 33.33 + 33.33, not three times 33.33
            100.00    | M m1 33.34, M m2 33.33, W - 33.33                        | ''              | ''
            100.00    | M m1 33.33, M m2 33.33, W - 33.33                        | 合计不符         | 分配合计 99.99 元，应等于本村 2025 年资产收益 100.00 元。
            100.00    | M m1 33.34, M m2 33.34, W - 33.33                        | 合计不符         | 分配合计 100.01 元
            # the monitored households come first: none may be left out
            1000.00   | M m1 500.00, P p 500.00                                  | 未优先保障监测对象 | 本村还有 1 户监测对象未列入分配
            1000.00   | P p 500.00, W - 500.00                                   | 未优先保障监测对象 | 本村还有 2 户监测对象
            # …but one whose risk is eliminated need not, and may not, be served as monitored
            1000.00   | M m1 400.00, M m2 400.00, M e 200.00                     | 分配对象有误      | 不是本村的监测对象
            # a 脱贫不享受政策户 gets nothing, an ordinary household is neither share's, a stranger is not the village's
            1000.00   | M m1 400.00, M m2 400.00, P n 200.00                     | 脱贫不享受政策户   | 脱贫户份额
            1000.00   | M m1 400.00, M m2 400.00, P o 200.00                     | 分配对象有误      | 不是本村的脱贫户
            1000.00   | M m1 400.00, M m2 400.00, P x 200.00                     | 分配对象有误      | 不是本村的脱贫户
            # a household's line names it, another line names none; each household once
            1000.00   | M m1 400.00, M m2 400.00, W p 200.00                     | 分配对象有误      | 其他用途不写农户
            1000.00   | M m1 400.00, M m2 400.00, P - 200.00                     | 分配对象有误      | 须写明农户
            1000.00   | M m1 400.00, M m2 300.00, M m2 300.00                    | 分配对象重复      | 同一农户只能列一行
            # no income, no plan
            0.00      | M m1 300.00, M m2 300.00                                 | 没有收益         | 该村 2025 年没有登记经营性资产收益
            """)
    void shouldConfirmOnlyAPlanThatServesTheMonitoredAndAddsUpWhenChecked(BigDecimal income, String lines,
                                                                        String refusal, String reason) {
        var decision = DistributionPlan.refusal(2025, income, VILLAGE, lines(lines));

        assertThat(decision.map(ShareRule.Refusal::title).orElse("")).isEqualTo(refusal);
        assertThat(decision.map(ShareRule.Refusal::reason).orElse("")).contains(reason);
    }

    private static List<Line> lines(String lines) {
        return Arrays.stream(lines.split(",")).map(String::strip).map(l -> l.split(" ")).map(l -> new Line(
                switch (l[0]) {
                    case "M" -> Purpose.MONITORED_HOUSEHOLD;
                    case "P" -> Purpose.OUT_OF_POVERTY_HOUSEHOLD;
                    case "R" -> Purpose.MAINTENANCE;
                    default -> Purpose.VILLAGE_PUBLIC_WELFARE;
                }, l[1].equals("-") ? null : IDS.get(l[1]), new BigDecimal(l[2]))).toList();
    }

    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-00000000000" + n);
    }
}
