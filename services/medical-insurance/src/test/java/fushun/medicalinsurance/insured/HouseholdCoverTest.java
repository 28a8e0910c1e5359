package fushun.medicalinsurance.insured;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdCoverTest {

    @ParameterizedTest(name = "left on {0}, settled on {1}: the household''s = {2}")
    @CsvSource(nullValues = "-", value = {
            "-,          2026-11-19, true",
            "2026-11-18, 2026-11-17, true",
            "2026-11-18, 2026-11-18, true",
            "2026-11-18, 2026-11-19, false",
            "2026-11-18, 2027-01-01, false",
            "2026-12-31, 2027-01-01, false"})
    void shouldCoverAMemberUpToAndIncludingTheDayTheyLeft(LocalDate leftOn, LocalDate day, boolean covered) {
        assertThat(HouseholdCover.coveredOn(leftOn, day)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "left on {0}: on the {1} premium roster = {2}")
    @CsvSource(nullValues = "-", value = {
            "-,          2027, true",
            "2026-11-18, 2026, true",
            "2026-11-18, 2027, false",
            "2026-01-01, 2026, true",
            "2025-12-31, 2026, false"})
    void shouldEnrolAMemberForAYearTheyWereInOnTheFirstOfJanuary(LocalDate leftOn, int year, boolean enrolled) {
        assertThat(HouseholdCover.enrolledFor(leftOn, year)).isEqualTo(enrolled);
    }
}
