package fushun.platform.pii;

/**
 * The 18-character resident ID number of GB 11643: 17 digits and an ISO 7064 MOD 11-2 check
 * character (0-9 or X).
 */
public final class ResidentIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumbers() {
    }

    public static boolean isValid(String number) {
        if (number == null || number.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(number.charAt(i))) {
                return false;
            }
        }
        return Character.toUpperCase(number.charAt(17)) == checkCharacter(number.substring(0, 17));
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
