package fushun.socialassistance.dibao;

import fushun.contracts.HouseholdCategory;
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

    /**
     * The next review: the regular period, or the longer one (§2(2)3) for households that get the
     * transition policies: 脱贫户, 脱贫不稳定户 and 边缘易致贫户 alike (§2(1)1), never a household
     * flagged 脱贫不享受政策户.
     */
    public static LocalDate nextReview(LocalDate granted, HouseholdCategory category, boolean notEntitledToPolicy,
                                       int reviewMonths, int longerReviewMonths) {
        return granted.plusMonths(category.transitionPoliciesApply(notEntitledToPolicy) ? longerReviewMonths : reviewMonths);
    }
}
