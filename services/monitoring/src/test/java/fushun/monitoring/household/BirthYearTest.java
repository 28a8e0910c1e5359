package fushun.monitoring.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthYearTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", value = {
            "210422197103150013, 1971",
            "21042220100101001X, 2010",
            "210422200002290013, 2000",
            // not a calendar date: unknown, never guessed
            "210422190002290013, -",
            "210422197113010013, -",
            "210422197100100013, -",
            "210422189912310013, -",
            "2104221971031500,   -",
            "-,                  -"})
    void shouldReadTheYearWhenDigitsSevenToFourteenAreADate(String idNumber, Integer year) {
        assertThat(BirthYear.fromIdNumber(idNumber)).isEqualTo(year);
    }
}
