package fushun.monitoring.household;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The year of birth in a resident ID number (GB 11643: digits 7–14 are the birth date, yyyyMMdd).
 * Only the year leaves monitoring (on {@code HouseholdRegistered}): the whole date together with the
 * masked number (first 4 and last 4 characters) and the division would give the ID number back.
 * Pure.
 */
public final class BirthYear {

    private BirthYear() {
    }

    /** The year, or null when digits 7–14 are not a calendar date (the check digit alone lets such numbers through). */
    public static Integer fromIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() != 18 || !idNumber.substring(6, 14).chars().allMatch(Character::isDigit)) {
            return null;
        }
        int year = Integer.parseInt(idNumber.substring(6, 10));
        int month = Integer.parseInt(idNumber.substring(10, 12));
        int day = Integer.parseInt(idNumber.substring(12, 14));
        if (year < 1900) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day).getYear();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
