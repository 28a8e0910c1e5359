package fushun.platform.pii;

/** Masked forms that are safe to show, store in read models and send on the bus. */
public final class PiiMasking {

    private PiiMasking() {
    }

    /** 210422199001010013 → 2104**********0013: the region and birth date are hidden. */
    public static String idNumber(String number) {
        if (number == null || number.length() < 8) {
            return "****";
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4).toUpperCase();
    }

    private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern.compile("(?<!\\d)(\\d{4})\\d{10}(\\d{3}[\\dXx])(?![\\dXx])");
    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("(?<!\\d)(1\\d{2})\\d{4}(\\d{4})(?!\\d)");

    /**
     * Masks anything in free text that looks like an ID or mobile number, e.g. a database error's
     * detail, before the text goes to a log.
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll("$1**********$2");
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    /**
     * Why something failed, fit to be stored and shown: the innermost cause (the broker's or the
     * listener's own reason, not a framework's wrapper) as {@code Type: message}, scrubbed, at most
     * {@code max} characters.
     */
    public static String reason(Throwable error, int max) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = scrub(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return reason.length() > max ? reason.substring(0, max) : reason;
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String number) {
        if (number == null || number.length() < 7) {
            return "****";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }
}
