package fushun.socialassistance.dibao;

import java.time.LocalDate;
import java.time.YearMonth;

/** The dates of a dibao grant: when it is reviewed and when a negative review stops payment. */
public final class DibaoCalendar {

    private DibaoCalendar() {
    }

    /**
     * After a review finds the household ineligible, help stops from the month after the decision
     * date (自复核决定之日的下月起): the first month without payment.
     */
    public static YearMonth firstMonthWithoutPayment(LocalDate reviewDecision) {
        return YearMonth.from(reviewDecision).plusMonths(1);
    }

    /** The next review: the regular period, or the longer one for out-of-poverty households. */
    public static LocalDate nextReview(LocalDate granted, boolean outOfPovertyHousehold, int reviewMonths,
                                       int outOfPovertyReviewMonths) {
        return granted.plusMonths(outOfPovertyHousehold ? outOfPovertyReviewMonths : reviewMonths);
    }
}
