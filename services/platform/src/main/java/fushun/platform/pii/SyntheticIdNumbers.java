package fushun.platform.pii;

import java.time.LocalDate;
import java.util.Random;

/**
 * Made-up resident ID numbers for demo and test data that pass the GB 11643 check digit. The sequence part starts with
 * 9 so the numbers look plausible but are ours; they belong to nobody.
 */
public final class SyntheticIdNumbers {

    private SyntheticIdNumbers() {
    }

    public static String next(Random random, String county6) {
        return next(random, county6, LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65)));
    }

    /** One born on {@code birth}: a child of school age, for instance. */
    public static String next(Random random, String county6, LocalDate birth) {
        String first17 = county6 + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "9" + String.format("%02d", random.nextInt(100));
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }
}
