package io.zhenggai.platform.web.input;

/**
 * The rule for text that enters the system: no NUL (U+0000, which PostgreSQL cannot store in text or jsonb) and no
 * lone UTF-16 surrogate (half of a character, not valid Unicode). Applied at the edge to every JSON string and field
 * name ({@link InputGuardJsonFactory}), request parameter and path variable ({@link TextParameterGuard}).
 */
public final class Texts {

    /** The {@code code} of a refused text. */
    public static final String CODE = "TEXT_INVALID";

    private Texts() {
    }

    /** Why the text cannot be accepted, in words; null when it can. */
    public static String violation(CharSequence text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "不能包含空字符（U+0000）";
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "包含不成对的代理字符（U+" + Integer.toHexString(c).toUpperCase() + "），不是有效的 Unicode 文本";
            }
        }
        return null;
    }

    /** The text with every refused character replaced by U+FFFD, for quoting it back safely (e.g. a field name). */
    public static String printable(String text) {
        if (violation(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
