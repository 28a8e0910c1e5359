package fushun.platform.security;

import java.util.regex.Pattern;

/**
 * China's administrative division codes as used here: 6 digits for province, city and county
 * (210000, 210400, 210422), 9 for a township (210422100) and 12 for a village (210422100201).
 * A code covers every code that starts with its significant prefix.
 */
public final class DivisionCodes {

    private static final Pattern CODE = Pattern.compile("\\d{6}(\\d{3}){0,2}");

    private DivisionCodes() {
    }

    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The part of a code that identifies the division: trailing zero groups name no level.
     * 210400 → 2104, 210422 → 210422, 210422100000 → 210422100, 210000 → 21.
     */
    public static String prefixOf(String code) {
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("not a division code: " + code);
        }
        String prefix = code;
        while (prefix.length() > 6 && prefix.endsWith("000")) {
            prefix = prefix.substring(0, prefix.length() - 3);
        }
        while (prefix.length() > 2 && prefix.length() <= 6 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    /** The 6-digit county (or district) code a longer code belongs to. */
    public static String countyOf(String code) {
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("not a division code: " + code);
        }
        return code.substring(0, 6);
    }
}
