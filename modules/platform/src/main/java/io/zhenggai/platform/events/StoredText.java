package io.zhenggai.platform.events;

import java.io.ByteArrayOutputStream;

/**
 * Text that was stored before the edge refused it: a NUL (U+0000) or a lone UTF-16 surrogate in a JSON string.
 * PostgreSQL cannot hold either in {@code text} or {@code jsonb}, so a projection that copies such a field fails.
 * The stored record keeps its bytes (the history is append-only and hashed, see ADR 0013); readers see the
 * character replaced by U+FFFD (the Unicode replacement character).
 *
 * <p>Works on the JSON text itself: Jackson writes both characters as {@code \}{@code uXXXX} escapes, so only those
 * escapes are rewritten and every other byte (numbers, order, spacing) stays exactly as stored.
 */
public final class StoredText {

    /** What an unreadable character becomes. */
    public static final char REPLACEMENT = '\uFFFD';

    private StoredText() {
    }

    /** True when {@code json} may hold an escape that {@link #repairJson} rewrites (cheap scan, no parsing). */
    public static boolean mayNeedRepair(byte[] json) {
        if (json == null) {
            return false;
        }
        for (int i = 0; i + 5 < json.length; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u') {
                int c = hex(json, i + 2);
                if (c == 0 || Character.isSurrogate((char) c)) {
                    return true;
                }
            } else if (json[i] == '\\') {
                i++; // an escaped character (e.g. an escaped backslash) is never the start of an escape
            }
        }
        return false;
    }

    /**
     * The JSON text with every {@code \}{@code u0000} and every escape of a lone surrogate replaced by
     * {@code \}{@code uFFFD}; a surrogate pair written as two escapes is kept. Returns {@code json} itself when
     * nothing was replaced.
     */
    public static byte[] repairJson(byte[] json) {
        if (!mayNeedRepair(json)) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
        int i = 0;
        while (i < json.length) {
            byte b = json[i];
            if (b != '\\' || i + 1 >= json.length) {
                out.write(b);
                i++;
                continue;
            }
            int c = json[i + 1] == 'u' ? hex(json, i + 2) : -1;
            if (c < 0) {
                out.write(b);
                out.write(json[i + 1]); // another escape, e.g. an escaped backslash: copied as it is
                i += 2;
            } else if (c == 0) {
                writeReplacement(out);
                i += 6;
            } else if (c >= 0xD800 && c <= 0xDBFF) {
                int next = i + 7 < json.length && json[i + 6] == '\\' && json[i + 7] == 'u' ? hex(json, i + 8) : -1;
                if (next >= 0xDC00 && next <= 0xDFFF) {
                    out.write(json, i, 12); // a pair: a character outside the BMP, kept
                    i += 12;
                } else {
                    writeReplacement(out);
                    i += 6;
                }
            } else if (c >= 0xDC00 && c <= 0xDFFF) {
                writeReplacement(out);
                i += 6;
            } else {
                out.write(json, i, 6);
                i += 6;
            }
        }
        return out.toByteArray();
    }

    /** The string with NUL and lone surrogates replaced by U+FFFD; {@code s} itself when it has none. */
    public static String repair(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            if (c == 0) {
                bad = true;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                bad = true;
            } else {
                bad = Character.isLowSurrogate(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(bad ? REPLACEMENT : c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static void writeReplacement(ByteArrayOutputStream out) {
        out.writeBytes(new byte[]{'\\', 'u', 'F', 'F', 'F', 'D'});
    }

    /** The value of four hex digits at {@code from}, or -1 when they are not four hex digits. */
    private static int hex(byte[] b, int from) {
        if (from + 4 > b.length) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + 4; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
