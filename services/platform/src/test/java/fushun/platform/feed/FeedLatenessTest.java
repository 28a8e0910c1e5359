package fushun.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.platform.feed.FeedLateness.Arrived;
import fushun.platform.feed.FeedLateness.State;
import fushun.platform.feed.FeedLateness.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The lateness rule by hand-worked cases; China's time is UTC+8, so the 5th ends at 16:00 UTC. */
class FeedLatenessTest {

    @ParameterizedTest(name = "{0} with day {1} is due by {2}")
    @CsvSource({
            "2026-10, 5, 2026-11-05",
            "2026-12, 5, 2027-01-05",
            "2026-01, 31, 2026-02-28",
            "2028-01, 31, 2028-02-29",
            "2026-03, 30, 2026-04-30",
            "2026-10, 1, 2026-11-01"})
    void shouldPutTheDeadlineInTheNextMonthWhenGivenADay(String month, int day, LocalDate deadline) {
        assertThat(FeedLateness.deadlineOf(YearMonth.parse(month), day)).isEqualTo(deadline);
    }

    @Test
    void shouldRefuseADeadlineDayBeforeTheFirst() {
        assertThatThrownBy(() -> FeedLateness.deadlineOf(YearMonth.of(2026, 10), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "received {0}: on time {1}")
    @CsvSource({
            "2026-10-15T00:00:00Z, true",
            "2026-11-05T15:59:59.999Z, true",
            "2026-11-05T16:00:00Z, false",
            "2026-11-06T00:00:00Z, false"})
    void shouldCountDataOnTimeUntilTheEndOfTheDeadlineInChina(Instant received, boolean onTime) {
        assertThat(FeedLateness.onTime(received, LocalDate.of(2026, 11, 5))).isEqualTo(onTime);
    }

    @ParameterizedTest(name = "on time {0}, late {1}, due {2}: {3}")
    @CsvSource({
            "1, 0, false, ON_TIME",
            "1, 0, true,  ON_TIME",
            "3, 2, true,  ON_TIME",
            "0, 2, true,  LATE",
            "0, 1, false, LATE",
            "0, 0, true,  MISSING",
            "0, 0, false, PENDING"})
    void shouldStateACountysFeedFromWhatArrived(long onTime, long late, boolean due, State state) {
        assertThat(FeedLateness.stateOf(new Arrived(onTime, late), due)).isEqualTo(state);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | now | late | missing | missed
            "before the deadline a county without data is pending, and nothing is missed | 2026-11-05T15:00:00Z | 210421 | | false",
            "after it the late and missing counties miss it | 2026-11-05T16:00:00Z | 210421 | 210423 | true"})
    void shouldMissTheDeadlineOnlyOnceItPassedWithACountyNotOnTime(String description, Instant now, String late,
                                                                   String missing, boolean missed) {
        List<String> expected = List.of("210421", "210422", "210423");
        Map<String, Arrived> arrived = Map.of("210421", new Arrived(0, 4), "210422", new Arrived(9, 1),
                "210499", new Arrived(5, 0));

        Verdict verdict = FeedLateness.judge(expected, arrived, LocalDate.of(2026, 11, 5), now);

        assertThat(verdict.missedDeadline()).isEqualTo(missed);
        assertThat(verdict.late()).isEqualTo(late == null ? List.of() : List.of(late));
        assertThat(verdict.missing()).isEqualTo(missing == null ? List.of() : List.of(missing));
    }

    @Test
    void shouldNotMissTheDeadlineWhenEveryExpectedCountyWasOnTime() {
        Verdict verdict = FeedLateness.judge(List.of("210422", "210423"),
                Map.of("210422", new Arrived(1, 0), "210423", new Arrived(2, 7)), LocalDate.of(2026, 11, 5),
                Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(verdict.due()).isTrue();
        assertThat(verdict.missedDeadline()).isFalse();
        assertThat(verdict.late()).isEmpty();
        assertThat(verdict.missing()).isEmpty();
    }

    @Test
    void shouldNotMissTheDeadlineWhenNoCountyIsExpected() {
        assertThat(FeedLateness.judge(List.of(), Map.of("210422", new Arrived(0, 1)), LocalDate.of(2026, 11, 5),
                Instant.parse("2026-12-01T00:00:00Z")).missedDeadline()).isFalse();
    }
}
