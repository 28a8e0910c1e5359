package fushun.monitoring.evaluation;

import fushun.contracts.RiskType;
import fushun.monitoring.income.MonitoringLine;
import fushun.platform.policy.PolicyValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The evaluation rule. A household is at risk when its per-capita net income is below the line,
 * or within the margin above it together with a rigid-expenditure or income-drop signal.
 */
public final class RiskEvaluation {

    /** Risks that mean large, rigid spending (刚性支出). */
    static final Set<RiskType> RIGID_EXPENDITURE = EnumSet.of(RiskType.ILLNESS, RiskType.DISABILITY, RiskType.SCHOOLING,
            RiskType.DISASTER, RiskType.ACCIDENT, RiskType.UNSAFE_HOUSING, RiskType.DRINKING_WATER);
    /** Risks that mean income falls away (收入骤减). */
    static final Set<RiskType> INCOME_DROP = EnumSet.of(RiskType.UNSTABLE_EMPLOYMENT, RiskType.FAILED_BUSINESS,
            RiskType.LACK_OF_LABOUR);

    public enum Rule {
        NO_INCOME_DATA, BELOW_LINE, MARGIN_WITH_SIGNAL, NOT_AT_RISK
    }

    /**
     * @param perCapitaIncome null when no income is recorded for the year
     * @param signals         risk types reported for the household in the year
     */
    public record Inputs(int year, BigDecimal perCapitaIncome, MonitoringLine.YearLine line, PolicyValue marginRatio,
                         List<RiskType> signals) {
    }

    @Schema(name = "RiskEvaluationResult", description = "一户一年的风险研判结论：是否有风险、依据的规则、风险类型、中文说明和所用参数版本")
    public record Result(boolean atRisk, Rule rule, List<RiskType> riskTypes, String explanation,
                         List<String> parameterVersions) {
    }

    private RiskEvaluation() {
    }

    public static Result evaluate(Inputs in) {
        BigDecimal line = in.line().value().setScale(2, RoundingMode.HALF_UP);
        // an estimated line says so in every explanation (推算), with how it was carried forward
        String lineName = in.line().estimated() ? "监测线（推算）" : "监测线";
        String note = in.line().note();
        BigDecimal upper = line.multiply(BigDecimal.ONE.add(in.marginRatio().value())).setScale(2, RoundingMode.HALF_UP);
        List<String> versions = List.of(in.line().version(), in.marginRatio().version());
        Set<RiskType> reported = new LinkedHashSet<>(in.signals());
        if (in.perCapitaIncome() == null) {
            return new Result(false, Rule.NO_INCOME_DATA, List.copyOf(reported),
                    in.year() + "年尚未录入家庭收入，无法与" + lineName + "（" + line.toPlainString() + "元）比对，需入户核实收入。"
                            + note, versions);
        }
        String income = "人均纯收入 " + in.perCapitaIncome().toPlainString() + " 元";
        if (in.perCapitaIncome().compareTo(line) < 0) {
            List<RiskType> types = reported.isEmpty() ? List.of(RiskType.OTHER) : List.copyOf(reported);
            return new Result(true, Rule.BELOW_LINE, types,
                    income + " 低于" + in.year() + "年" + lineName + " " + line.toPlainString() + " 元。" + note, versions);
        }
        List<RiskType> causes = reported.stream()
                .filter(t -> RIGID_EXPENDITURE.contains(t) || INCOME_DROP.contains(t)).toList();
        if (in.perCapitaIncome().compareTo(upper) < 0 && !causes.isEmpty()) {
            return new Result(true, Rule.MARGIN_WITH_SIGNAL, causes,
                    income + " 在" + lineName + " " + line.toPlainString() + " 元至 " + upper.toPlainString()
                            + " 元之间，且有" + labels(causes) + "风险（刚性支出或收入骤减）。" + note, versions);
        }
        String why = in.perCapitaIncome().compareTo(upper) >= 0
                ? income + " 不低于监测线上浮范围上限 " + upper.toPlainString() + " 元。"
                : income + " 在监测线上浮范围内，但没有刚性支出或收入骤减的信号。";
        return new Result(false, Rule.NOT_AT_RISK, List.of(), why + note, versions);
    }

    private static String labels(List<RiskType> types) {
        return types.stream().map(t -> "「" + t.label() + "」").reduce("", String::concat);
    }
}
