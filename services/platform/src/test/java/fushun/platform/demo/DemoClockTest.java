package fushun.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoClockTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "-86400000   | -86400000",
            "0           | 0",
            "3600000     | 0",
            "yesterday   | 0",
            "''          | 0"})
    void shouldReadAnOffsetThatNeverRunsAhead(String content, long expected) throws Exception {
        Path file = dir.resolve("clock");
        Files.writeString(file, content + "\n");
        assertThat(DemoClock.read(file)).isEqualTo(expected);
    }

    @Test
    void shouldBeTheRealTimeWithoutItsFile() {
        assertThat(DemoClock.read(dir.resolve("missing"))).isZero();
        Instant shown = new DemoClock(dir.resolve("missing")).instant();
        assertThat(Duration.between(shown, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldFollowTheFileAsTheLauncherMovesIt() throws Exception {
        Path file = dir.resolve("clock");
        Files.writeString(file, Long.toString(-Duration.ofDays(300).toMillis()));
        DemoClock clock = new DemoClock(file);
        assertThat(Duration.between(clock.instant(), Instant.now()).toDays()).isEqualTo(300);

        Files.writeString(file, Long.toString(-Duration.ofDays(30).toMillis()));
        await().atMost(Duration.ofSeconds(5)).until(() -> Duration.between(clock.instant(), Instant.now()).toDays() == 30);
        Files.delete(file);
        await().atMost(Duration.ofSeconds(5)).until(() -> Duration.between(clock.instant(), Instant.now()).abs().toSeconds() < 5);

        // released for good: a file written after the year is not read
        Files.writeString(file, Long.toString(-Duration.ofDays(30).toMillis()));
        clock.recheck();
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldNeverReadAFileThatWasNotThereWhenTheServiceStarted() throws Exception {
        Path file = dir.resolve("clock");
        DemoClock clock = new DemoClock(file);
        Files.writeString(file, Long.toString(-Duration.ofDays(30).toMillis()));
        clock.recheck();
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
