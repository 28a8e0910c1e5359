package fushun.medicalinsurance.insured;

import java.time.LocalDate;

/**
 * Whether a person counts as a member of the household on a day. A member who left (death, marriage
 * out, moved, 户口迁出) is covered as the household's member up to and including the day they left:
 * a settlement of that day is still the household's (a death in hospital is settled on that day),
 * one from the day after is not (no household tilt, not in the household's self-pay). The premium
 * subsidy follows the yearly enrolment on 1 January: a member who left during a year is on that
 * year's roster and off the next.
 */
public final class HouseholdCover {

    private HouseholdCover() {
    }

    /** True if a member who left on {@code leftOn} (null: still in the household) counts as its member on {@code day}. */
    public static boolean coveredOn(LocalDate leftOn, LocalDate day) {
        return leftOn == null || !day.isAfter(leftOn);
    }

    /** True if the member is on the premium-subsidy roster of {@code year} (a member on 1 January). */
    public static boolean enrolledFor(LocalDate leftOn, int year) {
        return coveredOn(leftOn, LocalDate.of(year, 1, 1));
    }
}
