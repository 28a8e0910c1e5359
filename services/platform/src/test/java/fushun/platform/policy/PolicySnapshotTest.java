package fushun.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicySnapshotTest {

    private final PolicySnapshot snapshot = new PolicySnapshot(List.of(
            value("*", "2021-01-01", "1"), value("*", "2024-01-01", "2"), value("210422", "2022-06-01", "3"),
            new PolicyValue("other", "*", LocalDate.parse("2021-01-01"), new BigDecimal("9"))));

    @ParameterizedTest
    @CsvSource({
            "*,      2021-01-01, 1",
            "*,      2023-12-31, 1",
            "*,      2024-01-01, 2",
            "210421, 2025-01-01, 2",
            "210422, 2022-05-31, 1",
            // the scope's own value wins over a later '*' value, as in PolicyParameters.valueAt
            "210422, 2022-06-01, 3",
            "210422, 2025-01-01, 3",
    })
    void shouldAnswerLikeTheQueryWhenLookedUpByScopeAndDate(String scope, LocalDate date, String expected) {
        assertThat(snapshot.required("x", scope, date).value()).isEqualByComparingTo(expected);
    }

    @Test
    void shouldHaveNoValueBeforeTheFirstOrForAnUnknownName() {
        assertThat(snapshot.valueAt("x", null, LocalDate.parse("2020-12-31"))).isEmpty();
        assertThat(snapshot.valueAt("unknown", "*", LocalDate.parse("2025-01-01"))).isEmpty();
        assertThatThrownBy(() -> snapshot.required("x", "210422", LocalDate.parse("2020-01-01")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static PolicyValue value(String scope, String from, String value) {
        return new PolicyValue("x", scope, LocalDate.parse(from), new BigDecimal(value));
    }
}
