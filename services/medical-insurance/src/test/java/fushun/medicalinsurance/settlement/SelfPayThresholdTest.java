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

    @ParameterizedTest
    @CsvSource({
            "10000.00, 5000.00, 2000.00, 1000.00, 2000.00",
            "800.50, 800.50, 0, 0, 0.00"})
    void shouldLeaveWhatTheTiersDidNotPay(String total, String basic, String critical, String assistance, String selfPay) {
        assertThat(SelfPayThreshold.selfPayOf(new BigDecimal(total), new BigDecimal(basic), new BigDecimal(critical),
                new BigDecimal(assistance))).isEqualByComparingTo(selfPay);
    }
}
