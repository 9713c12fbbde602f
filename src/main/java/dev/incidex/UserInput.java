package dev.incidex;

/**
 * How an error message quotes what a client sent: at most 80 characters, on one line, with control
 * characters shown as {@code ?}, so a 100 KB parameter is never echoed back (let alone six times) and
 * nothing a client sends can break the page or the JSON that carries the message.
 */
public final class UserInput {

    static final int QUOTED = 80;

    private UserInput() {}

    /** The value in single quotes, cut to 80 characters with "…" and the full length when longer. */
    public static String quote(String value) {
        if (value == null) {
            return "''";
        }
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < QUOTED; i++, shown++) {
            char c = value.charAt(i);
            boolean lone = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1)));
            if (Character.isISOControl(c) || lone || c == 0xFFFE || c == 0xFFFF) {
                out.append('?');
            } else if (Character.isHighSurrogate(c) && !lone) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(c);
            }
        }
        out.append(value.length() > QUOTED ? "…' (" + value.length() + " characters)" : "'");
        return out.toString();
    }

    /** True when the value holds a character no page, feed or database column may carry (NUL and other controls). */
    public static boolean unprintable(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
                return true;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
