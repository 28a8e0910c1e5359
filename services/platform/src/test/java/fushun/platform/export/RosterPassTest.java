package fushun.platform.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RosterPassTest {

    record Entry(int n, BigDecimal amount) {
    }

    private static final List<Entry> SEVEN = IntStream.range(0, 7).mapToObj(i -> new Entry(i, new BigDecimal(i + ".50"))).toList();

    @ParameterizedTest(name = "page {0} of {1}: entries {2}")
    @CsvSource({
            "0, 3, '0,1,2'",
            "1, 3, '3,4,5'",
            "2, 3, '6'",
            "3, 3, ''",
            "0, 10, '0,1,2,3,4,5,6'"})
    void shouldKeepOnePageAndCountAndSumEveryEntry(int page, int size, String expected) {
        RosterPass.Paged<Entry> pass = RosterPass.page(page, size, Entry::amount);
        SEVEN.forEach(pass);

        assertThat(pass.kept().stream().map(e -> String.valueOf(e.n())).toList())
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
        assertThat(pass.count()).isEqualTo(7);
        assertThat(pass.total()).isEqualByComparingTo("24.50"); // 0+1+…+6 = 21, plus 7 × 0.50
    }

    @Test
    void shouldHandEveryEntryOnWhileCounting() {
        List<Integer> seen = new ArrayList<>();
        RosterPass<Entry> pass = RosterPass.each(Entry::amount, e -> seen.add(e.n()));
        SEVEN.forEach(pass);

        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(pass.count()).isEqualTo(7);
    }

    @Test
    void shouldRefuseToStreamOutsideATransaction() {
        assertThatThrownBy(RosterPass::requireTransaction).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCloseTheWorkbookWhenFillingFails() {
        assertThatThrownBy(() -> RosterPass.xlsx("名单", x -> {
            x.header(List.of("a"));
            throw new IllegalArgumentException("rule failed");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("rule failed");
    }
}
