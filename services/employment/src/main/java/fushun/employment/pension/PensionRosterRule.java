package fushun.employment.pension;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Who of a household is on a year's roster of pension premiums paid on behalf, as far as membership
 * goes: a member who left the household (death, marriage out, moved, 户口迁出) is covered up to the
 * month they left and is off the roster from the month after. The roster is per year at the yearly
 * lowest tier, so a year with any covered month lists them; a member who left in December is off
 * the next year's roster, as is one who left in any month before it.
 */
public final class PensionRosterRule {

    private PensionRosterRule() {
    }

    /** The first month in which a member who left on {@code leftOn} is no longer covered. */
    public static YearMonth offFrom(LocalDate leftOn) {
        return YearMonth.from(leftOn).plusMonths(1);
    }

    /** True if a member (null {@code leftOn}: still in the household) is on the roster of {@code year}. */
    public static boolean listedFor(LocalDate leftOn, int year) {
        return leftOn == null || offFrom(leftOn).isAfter(YearMonth.of(year, 1));
    }
}
