package fushun.platform.web;

/**
 * Which characters no text sent to the platform may hold. PostgreSQL refuses NUL in text (the
 * request would end in a 500), and the other control characters have no place in a name, a code
 * or a reason; they only serve to hide or forge what an operator or an export shows.
 *
 * <p>Refused everywhere: the C0 controls U+0000–U+001F, DEL U+007F and the C1 controls
 * U+0080–U+009F. Tab, CR and LF are the exception in JSON bodies only, where free text (a reason,
 * an outcome, a note from a text area) may plausibly run over several lines; query parameters and
 * path variables are codes, ids and search words and refuse them too.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** True if the text holds a refused character, tab, CR and LF allowed (free text in a body). */
    public static boolean inText(CharSequence text) {
        return find(text, true);
    }

    /** True if the text holds any control character, tab, CR and LF included (a parameter). */
    public static boolean inParameter(CharSequence text) {
        return find(text, false);
    }

    private static boolean find(CharSequence text, boolean lineBreaksAllowed) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
