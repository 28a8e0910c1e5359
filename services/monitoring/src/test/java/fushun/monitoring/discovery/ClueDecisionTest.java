package fushun.monitoring.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClueDecisionTest {

    @ParameterizedTest(name = "{0} {1} reports [{2}], monitored for [{3}] -> {4}")
    @CsvSource({
            "OUT_OF_POVERTY, false, ILLNESS, '', ALERT_AND_IDENTIFY, ILLNESS, false",
            "OUT_OF_POVERTY, false, DISASTER, '', ALERT_AND_IDENTIFY, DISASTER, false",
            "UNSTABLE_OUT_OF_POVERTY, false, ILLNESS, '', ALERT, ILLNESS, false",
            "MARGINAL, false, ILLNESS, ILLNESS, ALREADY_MONITORED, '', false",
            "MARGINAL, false, ILLNESS UNSAFE_HOUSING, ILLNESS, ALERT, UNSAFE_HOUSING, false",
            "OUT_OF_POVERTY, true, ILLNESS, '', EXCLUDED, '', false",
            "ORDINARY, false, ILLNESS, '', IDENTIFY, ILLNESS, false",
            "ORDINARY, false, DISASTER, '', IDENTIFY, DISASTER, true",
            "ORDINARY, false, ACCIDENT ILLNESS, '', IDENTIFY, ACCIDENT ILLNESS, true",
            "ORDINARY, true, DISASTER, '', EXCLUDED, '', false",
            "SUDDEN_SEVERE_DIFFICULTY, false, DISASTER, '', ALERT, DISASTER, false"})
    void shouldAlertMonitoredHouseholdsAndIdentifyOrdinaryOnes(HouseholdCategory category, boolean notEntitled, String reported,
                                                               String monitored, ClueDecision.Outcome outcome, String types,
                                                               boolean green) {
        ClueDecision decision = ClueDecision.decide(types(reported), Set.copyOf(types(monitored)), notEntitled, category, "测试线索");

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.riskTypes()).containsExactlyElementsOf(types(types));
        assertThat(decision.greenChannel()).isEqualTo(green);
        assertThat(decision.explanation()).contains("测试线索");
        if (green) {
            // only the disaster or accident is helped at once; e.g. ACCIDENT ILLNESS -> ACCIDENT
            assertThat(decision.greenChannelRisks()).containsExactlyElementsOf(
                    types(types).stream().filter(ClueDecision.GREEN_CHANNEL::contains).toList());
            assertThat(decision.greenChannelRisks()).doesNotContain(RiskType.ILLNESS);
        }
    }

    private static List<RiskType> types(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.trim().split(" ")).map(RiskType::valueOf).toList();
    }
}
