package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoYearTest {

    @TempDir
    Path dir;

    @Test
    void shouldStartTheYearOnTheFirstMorningOfItsMonthInChina() {
        assertThat(DemoYear.start(YearMonth.of(2025, 12))).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
    }

    @Test
    void shouldWriteTheClockAsABackwardShiftAndNeverAhead() throws Exception {
        Path clock = dir.resolve(DemoYear.CLOCK_FILE);
        DemoYear.setClock(clock, Instant.now().minus(Duration.ofDays(200)));
        long shift = Long.parseLong(Files.readString(clock));
        assertThat(shift).isBetween(-Duration.ofDays(200).plusSeconds(5).toMillis(), -Duration.ofDays(200).minusSeconds(5).toMillis());

        DemoYear.setClock(clock, Instant.now().plus(Duration.ofDays(3)));
        assertThat(Files.readString(clock)).isEqualTo("0");
        assertThat(dir.resolve(DemoYear.CLOCK_FILE + ".next")).doesNotExist();
    }
}
