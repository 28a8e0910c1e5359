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

    /** 13812345678 → 138****5678. */
    public static String phone(String number) {
        if (number == null || number.length() < 7) {
            return "****";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }
}
