package fushun.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** A number of the given birth digits with a right check character, so only the date decides. */
    private static String bornOn(String yyyymmdd) {
        String first17 = "210422" + yyyymmdd + "901";
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "20000229, true,  29 February of a leap year (divisible by 400)",
            "20240229, true,  29 February of a leap year",
            "19000229, false, 29 February of 1900 (not a leap year)",
            "20230229, false, 29 February of a common year",
            "19800001, false, month 00",
            "19801301, false, month 13",
            "19800100, false, day 00",
            "19800132, false, day 32",
            "19800431, false, 31 April",
            "20260615, true,  born today",
            "20260616, false, born tomorrow",
            "19000101, true,  the earliest birth date",
            "18991231, false, 1899",
            "00000101, false, year 0",
            "19491231, true,  an ordinary date"})
    void shouldAcceptOnlyRealPastBirthDatesSince1900WhenCheckCharacterIsRight(String birth, boolean valid, String why) {
        assertThat(ResidentIdNumbers.isValid(bornOn(birth), TODAY)).as(why).isEqualTo(valid);
    }

    @Test
    void shouldRefuseDigitsOfOtherScriptsWhenTheSumWouldMisreadThem() {
        String arabicIndic = "21042219800101901".replace('9', '\u0669');

        assertThat(ResidentIdNumbers.isValid(arabicIndic + "X", TODAY)).isFalse();
        assertThat(ResidentIdNumbers.birthDate("2104221980\u06690101")).isEmpty();
    }

    @Test
    void shouldReadTheBirthDateWhenTheDigitsAreADate() {
        assertThat(ResidentIdNumbers.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(ResidentIdNumbers.birthDate(bornOn("19801301"))).isEmpty();
    }

    @Test
    void shouldGenerateSyntheticNumbersWithPlausibleBirthDates() {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            String number = SyntheticIdNumbers.next(random, "210423");
            assertThat(ResidentIdNumbers.isValid(number, TODAY)).as(number).isTrue();
        }
    }
}
