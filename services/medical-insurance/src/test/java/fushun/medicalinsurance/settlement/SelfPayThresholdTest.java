package fushun.medicalinsurance.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.HouseholdCategory;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SelfPayThresholdTest {

    @ParameterizedTest
    @CsvSource({
            "5999.99, 6000, false",
            "6000.00, 6000, false",
            "6000.01, 6000, true",
            "9999.99, 10000, false",
            "10000.01, 10000, true"})
    void shouldCrossOnlyWhenStrictlyAboveThreshold(String selfPay, String threshold, boolean crossed) {
        assertThat(SelfPayThreshold.crossed(new BigDecimal(selfPay), new BigDecimal(threshold))).isEqualTo(crossed);
    }

    @ParameterizedTest
    @EnumSource(value = HouseholdCategory.class, names = "ORDINARY", mode = EnumSource.Mode.EXCLUDE)
    void shouldUseLowerThresholdForMonitoredAndOutOfPovertyHouseholds(HouseholdCategory category) {
        assertThat(SelfPayThreshold.parameterFor(category)).isEqualTo(SelfPayThreshold.MONITORED);
    }

    @ParameterizedTest
    @CsvSource({"ORDINARY"})
    void shouldUseHigherThresholdForOrdinaryHouseholds(HouseholdCategory category) {
        assertThat(SelfPayThreshold.parameterFor(category)).isEqualTo(SelfPayThreshold.OTHER);
    }
}
