package fushun.platform.feed;

import fushun.platform.PlatformTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lateness rule, a pure function: a month's data is due by the deadline day of the next month
 * (end of that day in China); a county is on time when any of its data of the month arrived by
 * then, late when its first data came after, missing when nothing came and the deadline passed.
 * The month's feed missed its deadline when the deadline has passed and an expected county is not
 * on time.
 */
public final class FeedLateness {

    public enum State {
        /** data arrived by the deadline */
        ON_TIME,
        /** the first data came after the deadline */
        LATE,
        /** the deadline passed and nothing came */
        MISSING,
        /** nothing yet, the deadline has not passed */
        PENDING
    }

    /** What arrived for a county and month: counts by the deadline and after it. */
    public record Arrived(long onTime, long late) {

        public static final Arrived NOTHING = new Arrived(0, 0);
    }

    /** The month's verdict: due once the deadline has passed; the late and missing counties in the expected order. */
    public record Verdict(boolean due, List<String> late, List<String> missing) {

        /** The deadline passed and some expected county was not on time. */
        public boolean missedDeadline() {
            return due && !(late.isEmpty() && missing.isEmpty());
        }
    }

    private FeedLateness() {
    }

    /** A deadline-day parameter as a day of the month: whole days, 1 to 28 (a value outside is brought inside). */
    public static int deadlineDay(java.math.BigDecimal parameter) {
        return Math.max(1, Math.min(28, parameter.setScale(0, java.math.RoundingMode.DOWN).intValue()));
    }

    /** The deadline of a month's data: that day of the next month, or the next month's last day if shorter. */
    public static LocalDate deadlineOf(YearMonth month, int deadlineDay) {
        if (deadlineDay < 1) {
            throw new IllegalArgumentException("a deadline day is 1 or later: " + deadlineDay);
        }
        YearMonth next = month.plusMonths(1);
        return next.atDay(Math.min(deadlineDay, next.lengthOfMonth()));
    }

    /** Whether data received at {@code receivedAt} is on time for a month with that deadline. */
    public static boolean onTime(Instant receivedAt, LocalDate deadline) {
        return receivedAt.isBefore(cutoffOf(deadline));
    }

    /** The first instant after the deadline: the start of the next day in China. */
    public static Instant cutoffOf(LocalDate deadline) {
        return deadline.plusDays(1).atStartOfDay(PlatformTime.CHINA).toInstant();
    }

    public static State stateOf(Arrived arrived, boolean due) {
        if (arrived.onTime() > 0) {
            return State.ON_TIME;
        }
        if (arrived.late() > 0) {
            return State.LATE;
        }
        return due ? State.MISSING : State.PENDING;
    }

    /**
     * The verdict over the expected counties at {@code now}; arrivals of counties not expected are
     * ignored (a county may be expected from a date on).
     */
    public static Verdict judge(List<String> expected, Map<String, Arrived> arrived, LocalDate deadline, Instant now) {
        boolean due = !now.isBefore(cutoffOf(deadline));
        List<String> late = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String county : expected) {
            switch (stateOf(arrived.getOrDefault(county, Arrived.NOTHING), due)) {
                case LATE -> late.add(county);
                case MISSING -> missing.add(county);
                default -> {
                }
            }
        }
        return new Verdict(due, List.copyOf(late), List.copyOf(missing));
    }
}
