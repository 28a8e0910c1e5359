package fushun.monitoring.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClueClockTest {

    @ParameterizedTest(name = "clue {0} + {1} days -> {2}")
    @CsvSource({
            "2026-11-01, 15, 2026-11-16",
            "2026-12-20, 15, 2027-01-04",
            "2028-02-20, 15, 2028-03-06",
            "2026-11-30, 0, 2026-11-30"})
    void shouldCountCalendarDaysFromTheFirstClue(LocalDate clue, int days, LocalDate deadline) {
        assertThat(ClueClock.deadline(clue, days)).isEqualTo(deadline);
    }

    @ParameterizedTest(name = "deadline {0}, today {1}, open {2} -> overdue {3}")
    @CsvSource({
            "2026-11-16, 2026-11-15, true, false",
            "2026-11-16, 2026-11-16, true, false",
            "2026-11-16, 2026-11-17, true, true",
            "2026-11-16, 2026-12-01, false, false"})
    void shouldBeOverdueFromTheDayAfterTheDeadlineWhileOpen(LocalDate deadline, LocalDate today, boolean open, boolean overdue) {
        assertThat(ClueClock.isOverdue(deadline, today, open)).isEqualTo(overdue);
    }
}
