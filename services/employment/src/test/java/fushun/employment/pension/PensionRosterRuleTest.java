package fushun.employment.pension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PensionRosterRuleTest {

    @ParameterizedTest(name = "left on {0}: on the {1} roster = {2}")
    @CsvSource(nullValues = "-", value = {
            "-,          2026, true",
            "2026-11-18, 2026, true",
            "2026-11-18, 2027, false",
            "2026-01-01, 2026, true",
            "2025-12-31, 2026, false",
            "2026-12-31, 2027, false",
            "2026-12-01, 2026, true",
            "2024-06-15, 2023, true"})
    void shouldListAMemberUpToTheMonthTheyLeftWhenTheRosterIsYearly(LocalDate leftOn, int year, boolean listed) {
        assertThat(PensionRosterRule.listedFor(leftOn, year)).isEqualTo(listed);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-18, 2026-12", "2026-12-31, 2027-01", "2026-02-01, 2026-03"})
    void shouldStopCoverFromTheMonthAfterLeaving(LocalDate leftOn, String firstMonthOff) {
        assertThat(PensionRosterRule.offFrom(leftOn)).isEqualTo(YearMonth.parse(firstMonthOff));
    }
}
