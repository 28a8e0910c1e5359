package fushun.monitoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.RiskType;
import fushun.monitoring.income.MonitoringLine;
import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskEvaluationTest {

    // 2025: line 9,663.06, margin 50 % -> upper bound 14,494.59
    private static final MonitoringLine.YearLine LINE = MonitoringLine.forYear(2025,
            new PolicyValue("monitoring.line", "*", LocalDate.of(2025, 1, 1), new BigDecimal("9663.06")), null).orElseThrow();
    private static final PolicyValue MARGIN = new PolicyValue("monitoring.margin-ratio", "*", LocalDate.of(2021, 1, 1), new BigDecimal("0.50"));

    @ParameterizedTest(name = "{0} yuan, signals [{1}] -> {2}")
    @CsvSource({
            "9663.05, '', BELOW_LINE, true, OTHER",
            "9663.05, ILLNESS, BELOW_LINE, true, ILLNESS",
            "9663.06, '', NOT_AT_RISK, false, ''",
            "9663.06, ILLNESS, MARGIN_WITH_SIGNAL, true, ILLNESS",
            "14494.58, UNSTABLE_EMPLOYMENT, MARGIN_WITH_SIGNAL, true, UNSTABLE_EMPLOYMENT",
            "14494.59, ILLNESS, NOT_AT_RISK, false, ''",
            "12000.00, SCHOOL_DROPOUT, NOT_AT_RISK, false, ''",
            "12000.00, SCHOOL_DROPOUT ILLNESS, MARGIN_WITH_SIGNAL, true, ILLNESS",
            "12000.00, DISASTER FAILED_BUSINESS, MARGIN_WITH_SIGNAL, true, DISASTER FAILED_BUSINESS"})
    void shouldCombineIncomeAndSignals(String perCapita, String signals, RiskEvaluation.Rule rule, boolean atRisk,
                                       String riskTypes) {
        RiskEvaluation.Result result = RiskEvaluation.evaluate(new RiskEvaluation.Inputs(2025, new BigDecimal(perCapita),
                LINE, MARGIN, types(signals)));

        assertThat(result.rule()).isEqualTo(rule);
        assertThat(result.atRisk()).isEqualTo(atRisk);
        assertThat(result.riskTypes()).containsExactlyElementsOf(types(riskTypes));
        assertThat(result.parameterVersions()).containsExactly("monitoring.line[*]@2025-01-01",
                "monitoring.margin-ratio[*]@2021-01-01");
        assertThat(result.explanation()).contains(perCapita);
    }

    @Test
    void shouldAskForIncomeWhenNoneRecorded() {
        RiskEvaluation.Result result = RiskEvaluation.evaluate(new RiskEvaluation.Inputs(2025, null, LINE, MARGIN,
                List.of(RiskType.ILLNESS)));

        assertThat(result.rule()).isEqualTo(RiskEvaluation.Rule.NO_INCOME_DATA);
        assertThat(result.atRisk()).isFalse();
        assertThat(result.explanation()).contains("9663.06").contains("入户核实");
    }

    @Test
    void shouldSayTheLineIsEstimatedWhenCarriedForward() {
        PolicyValue stored2026 = new PolicyValue("monitoring.line", "*", LocalDate.of(2026, 1, 1), new BigDecimal("10629.37"));
        PolicyValue growth = new PolicyValue("monitoring.line.annual-growth", "*", LocalDate.of(2021, 1, 1), new BigDecimal("0.10"));
        MonitoringLine.YearLine estimated = MonitoringLine.forYear(2027, stored2026, growth).orElseThrow();

        RiskEvaluation.Result result = RiskEvaluation.evaluate(new RiskEvaluation.Inputs(2027, new BigDecimal("11692.30"),
                estimated, MARGIN, List.of()));

        assertThat(result.rule()).isEqualTo(RiskEvaluation.Rule.BELOW_LINE);
        assertThat(result.explanation()).contains("2027年监测线（推算） 11692.31 元").contains("2027年监测线尚未设定");
        assertThat(result.parameterVersions()).containsExactly(
                "monitoring.line[*]@2026-01-01→2027推算(monitoring.line.annual-growth[*]@2021-01-01)",
                "monitoring.margin-ratio[*]@2021-01-01");
    }

    private static List<RiskType> types(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.trim().split(" ")).map(RiskType::valueOf).toList();
    }
}
