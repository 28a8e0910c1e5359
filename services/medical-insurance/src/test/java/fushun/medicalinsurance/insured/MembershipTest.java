package fushun.medicalinsurance.insured;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A settlement is its person's household's while {@link HouseholdCover#coveredOn} says they are in it. */
class MembershipTest {

    private static final UUID HOUSEHOLD = UUID.fromString("6f1d2c3b-0000-4000-8000-000000000001");

    @ParameterizedTest(name = "left on {0}, settled on {1}: the household''s = {2}")
    @CsvSource(nullValues = "-", value = {
            "-,          2026-11-19, true",
            "2026-11-18, 2026-11-18, true",
            "2026-11-18, 2026-11-19, false"})
    void shouldNameTheHouseholdOnlyWhileThePersonIsItsMember(LocalDate leftOn, LocalDate settledOn, boolean household) {
        assertThat(new InsuredPersons.Membership(HOUSEHOLD, leftOn).householdOn(settledOn))
                .isEqualTo(household ? Optional.of(HOUSEHOLD) : Optional.empty());
    }
}
