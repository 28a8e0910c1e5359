package fushun.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiTest {

    @ParameterizedTest
    @CsvSource({
            // first 17 digits, expected check character (computed independently with the GB 11643 weights)
            "11010519491231002, X",
            "21042219900101001, 7",
            "21042319851111902, 2"})
    void shouldComputeCheckCharacterPerGb11643(String first17, char check) {
        assertThat(ResidentIdNumbers.checkCharacter(first17)).isEqualTo(check);
        assertThat(ResidentIdNumbers.isValid(first17 + check)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, true", "11010519491231002x, true", "110105194912310021, false",
            "11010519491231002, false", "1101051949123100AX, false"})
    void shouldValidateWholeNumbers(String number, boolean valid) {
        assertThat(ResidentIdNumbers.isValid(number)).isEqualTo(valid);
    }

    @Test
    void shouldGenerateSyntheticNumbersThatPassTheCheck() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(ResidentIdNumbers.isValid(SyntheticIdNumbers.next(random, "210422"))).isTrue();
        }
    }

    @Test
    void shouldMaskIdAndPhoneNumbers() {
        assertThat(PiiMasking.idNumber("11010519491231002x")).isEqualTo("1101**********002X");
        assertThat(PiiMasking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(PiiMasking.idNumber(null)).isEqualTo("****");
    }

    @Test
    void shouldScrubNumbersOutOfFreeText() {
        String detail = "Key (id_number)=(11010519491231002X) already exists; phone 13812345678; order 12345";

        assertThat(PiiMasking.scrub(detail))
                .isEqualTo("Key (id_number)=(1101**********002X) already exists; phone 138****5678; order 12345")
                .doesNotContain("11010519491231002X");
    }

    @Test
    void shouldHashIdNumbersWithTheKeyAndIgnoreCaseOfX() {
        PersonRefs refs = new PersonRefs("a-test-key-of-enough-length");
        PersonRefs otherKey = new PersonRefs("another-test-key-of-length");

        assertThat(refs.of("11010519491231002x")).isEqualTo(refs.of("11010519491231002X")).hasSize(64);
        assertThat(refs.of("11010519491231002X")).isNotEqualTo(otherKey.of("11010519491231002X"));
        assertThatThrownBy(() -> new PersonRefs("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
