package fushun.monitoring.identification;

import java.time.LocalDate;

/**
 * The clock from the first clue to the county's decision (e.g. 15 days, a parameter): the deadline
 * is the first clue's day plus the days; a procedure is overdue from the day after its deadline.
 */
public final class ClueClock {

    private ClueClock() {
    }

    public static LocalDate deadline(LocalDate firstClue, int days) {
        return firstClue.plusDays(days);
    }

    public static boolean isOverdue(LocalDate deadline, LocalDate today, boolean open) {
        return open && today.isAfter(deadline);
    }
}
