package app.candor.message;

/** Header safety: the Vert.x mail client writes header values as given, so CR/LF would start a new header. */
public final class MailHeaders {

    private MailHeaders() {
    }

    /** {@code value} on one line: every CR, LF and other control character becomes a space. */
    public static String oneLine(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }
}
