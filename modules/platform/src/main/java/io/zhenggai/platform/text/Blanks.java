package io.zhenggai.platform.text;

/** Optional text: a blank value counts as none. */
public final class Blanks {

    private Blanks() {
    }

    /** Null when {@code s} is null or blank, else {@code s} as it is. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Null when {@code s} is null or blank, else {@code s} without leading and trailing white space. */
    public static String strippedOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
