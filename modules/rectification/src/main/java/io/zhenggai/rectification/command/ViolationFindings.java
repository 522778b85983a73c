package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.RectificationCommands.TakeOverViolationCommand;

/**
 * The words of a finance violation taken over by a rectification (pure): the item's deterministic id, what the
 * violation was, the supplementary finding's title and description, the item's title and the reason recorded.
 */
final class ViolationFindings {

    static final int FINDING_TITLE_MAX = 200;
    static final int ITEM_TITLE_MAX = 500;

    private ViolationFindings() {
    }

    /** The id of the item (and, when needed, of the finding) that takes over a finance violation. */
    static String itemId(String violationId) {
        return "viol-" + violationId;
    }

    /** What the violation was: its description, else the breach found, else its number. */
    static String what(TakeOverViolationCommand cmd) {
        return present(cmd.description()) ? cmd.description().strip()
                : present(cmd.breachDescription()) ? cmd.breachDescription().strip() : "违规问题" + cmd.violationId();
    }

    static String findingTitle(String what) {
        return abbreviate("违规支出：" + what, FINDING_TITLE_MAX);
    }

    static String itemTitle(String what) {
        return abbreviate("整改违规支出：" + what, ITEM_TITLE_MAX);
    }

    static String reason(String violationId) {
        return "财务违规升级：" + violationId;
    }

    /** Why a violation that names a finding the ledger does not know gets a finding of its own. */
    static String unknownFinding(String findingId) {
        return findingId == null ? "" : "；移交时指明的问题“" + findingId + "”不在本整改台账中";
    }

    /** The finding's description: what, the amount, the expense and its date, the regulation, the breach found. */
    static String description(TakeOverViolationCommand cmd, String what) {
        StringBuilder text = new StringBuilder(what);
        if (cmd.amount() != null) {
            text.append("；涉及金额").append(cmd.amount().toPlainString()).append("元");
        }
        if (present(cmd.expenseId())) {
            text.append("；支出").append(cmd.expenseId());
            if (cmd.expenseDate() != null) {
                text.append("（").append(cmd.expenseDate()).append("）");
            }
        }
        if (present(cmd.regulationTitle())) {
            String title = cmd.regulationTitle().strip();
            text.append("；依据").append(title.startsWith("《") ? title : "《" + title + "》");
        }
        if (present(cmd.breachDescription()) && !cmd.breachDescription().strip().equals(what)) {
            text.append("；").append(cmd.breachDescription().strip());
        }
        return text.toString();
    }

    /** At most {@code max} characters, the last one an ellipsis when cut. */
    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
