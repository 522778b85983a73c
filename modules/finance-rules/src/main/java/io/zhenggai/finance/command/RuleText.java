package io.zhenggai.finance.command;

/** Whether a free text of a command says anything (a blank counts as nothing). */
final class RuleText {

    private RuleText() {
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String trimOrNull(String s) {
        return io.zhenggai.platform.text.Blanks.strippedOrNull(s);
    }
}
