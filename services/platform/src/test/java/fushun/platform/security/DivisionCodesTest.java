package fushun.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DivisionCodesTest {

    @ParameterizedTest
    @CsvSource({
            "210000, 21",
            "210400, 2104",
            "210422, 210422",
            "210422100, 210422100",
            "210422000000, 210422",
            "210422100000, 210422100",
            "210422100201, 210422100201"})
    void shouldDropTrailingZeroGroupsWhenTakingPrefix(String code, String prefix) {
        assertThat(DivisionCodes.prefixOf(code)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @CsvSource({"2104", "2104221", "21042210020", "abcdef", "2104221002011"})
    void shouldRefuseCodeWhenLengthOrDigitsWrong(String code) {
        assertThat(DivisionCodes.isWellFormed(code)).isFalse();
        assertThatThrownBy(() -> DivisionCodes.prefixOf(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "210400, 210422100201, true",
            "210422, 210422100201, true",
            "210422, 210423100201, false",
            "210422100, 210422100201, true",
            "210422100, 210422101201, false",
            "210422100201, 210422100201, true"})
    void shouldCoverOnlyCodesInsideTheDivision(String caller, String target, boolean covered) {
        assertThat(Jurisdiction.of(caller).covers(target)).isEqualTo(covered);
    }

    @ParameterizedTest
    @CsvSource({"'', 210422100201", "garbage, 210422100201"})
    void shouldCoverNothingWhenCallerHasNoValidDivision(String caller, String target) {
        Jurisdiction none = Jurisdiction.of(caller);
        assertThat(none.covers(target)).isFalse();
        assertThat(none.likePattern()).isEqualTo("-");
    }
}
