package app.candor.message;

import java.util.regex.Pattern;

/** Header safety: the Vert.x mail client writes header values as given, so CR/LF would start a new header. */
public final class MailHeaders {

    private MailHeaders() {
    }

    /** {@code value} on one line: every CR, LF and other control character becomes a space. */
    public static String oneLine(String value) {
        if (value == null) {
            return null;
        }
        if (clean(value)) {
            return value.strip(); // the common case, without a copy or a regular expression (a bulk notice calls this 40 000 times)
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(unsafe(c) ? ' ' : c);
        }
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** No character to replace and no run of spaces to fold: only {@code strip} could change it. */
    private static boolean clean(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (unsafe(c) || (c == ' ' && i + 1 < value.length() && value.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }
}
