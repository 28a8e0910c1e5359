package fushun.platform.pii;

import fushun.platform.PlatformTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character resident ID number of GB 11643: a 6-digit region, the birth date as 8 digits
 * (yyyyMMdd), a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * <p>A number is valid when its check character is right and its birth date is a real calendar
 * date, not after today (China's) and not before {@link #EARLIEST_BIRTH}: a number with month 13
 * passes the check digit one time in eleven and would break every age computed from it.
 */
public final class ResidentIdNumbers {

    /** No one registered on the platform was born before 1900; an earlier date is a typing error. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumbers() {
    }

    /** Valid as of today in China by the system clock. */
    public static boolean isValid(String number) {
        return isValid(number, PlatformTime.today(Clock.systemUTC()));
    }

    /** Valid as of the given day: check character, and a birth date between 1900-01-01 and that day. */
    public static boolean isValid(String number, LocalDate today) {
        if (number == null || number.length() != 18 || !asciiDigits(number.substring(0, 17))) {
            return false;
        }
        if (Character.toUpperCase(number.charAt(17)) != checkCharacter(number.substring(0, 17))) {
            return false;
        }
        Optional<LocalDate> birth = birthDate(number);
        return birth.isPresent() && !birth.get().isBefore(EARLIEST_BIRTH) && !birth.get().isAfter(today);
    }

    /** The birth date written in digits 7–14, if they are a calendar date; says nothing of the check character. */
    public static Optional<LocalDate> birthDate(String number) {
        if (number == null || number.length() < 14 || !asciiDigits(number.substring(6, 14))) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !asciiDigits(first17)) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** 0–9 only: {@link Character#isDigit} also takes other scripts' digits, which the sum would misread. */
    private static boolean asciiDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
