package fushun.monitoring.risk;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.RiskType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertDecisionTest {

    @ParameterizedTest(name = "notEntitled={0}, monitored={1} -> raise={2}")
    @CsvSource({
            "false, false, true, 风险类型「因病」",
            "false, true, false, 已因「因病」在监测中",
            "true, false, false, 脱贫不享受政策户",
            "true, true, false, 脱贫不享受政策户"})
    void shouldRaiseOnlyForEntitledHouseholdsNotYetMonitoredForTheRisk(boolean notEntitled, boolean monitored,
                                                                       boolean raise, String explanationPart) {
        AlertDecision decision = AlertDecision.decide(RiskType.ILLNESS, notEntitled, monitored, "医保局报告：自付超阈值");

        assertThat(decision.raise()).isEqualTo(raise);
        assertThat(decision.explanation()).contains(explanationPart).contains("医保局报告");
    }
}
