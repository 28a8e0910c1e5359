package fushun.assetmanagement.income;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanHouseholdsTest {

    @ParameterizedTest(name = "{0}, eliminated {1}, 脱贫不享受政策户 {2}: must serve {3}, may serve {4}")
    @CsvSource({
            "MARGINAL,                 false, false, true,  false",
            "MARGINAL,                 true,  false, false, false",
            "MARGINAL,                 false, true,  false, false",
            "UNSTABLE_OUT_OF_POVERTY,  false, false, true,  false",
            "SUDDEN_SEVERE_DIFFICULTY, false, false, true,  false",
            "OUT_OF_POVERTY,           false, false, false, true",
            "OUT_OF_POVERTY,           false, true,  false, false",
            "ORDINARY,                 false, false, false, false"})
    void shouldServeMonitoredHouseholdsAndMayServeOutOfPovertyOnesButNeverAHouseholdNotEntitled(
            HouseholdCategory category, boolean eliminated, boolean notEntitled, boolean must, boolean may) {
        assertThat(PlanHouseholds.mustServe(category, eliminated, notEntitled)).isEqualTo(must);
        assertThat(PlanHouseholds.mayServe(category, notEntitled)).isEqualTo(may);
    }
}
