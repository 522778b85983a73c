package io.zhenggai.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * Totals over findings, as notices state them ("共反馈问题25个，已完成19个，正在整改6个，完成率76%"): one count per
 * {@link FindingStatus}, so {@code findings = completed + basicallyCompleted + inProgress + notStarted +
 * notCompleted + withoutItems}. {@code supplementary} tells how many of the findings are supplementary (补充问题);
 * they count like any other. {@code completionRate} is completed / findings in percent, exact, null without findings.
 */
public record FindingCounts(
        int findings,
        int completed,
        int basicallyCompleted,
        int inProgress,
        int notStarted,
        int notCompleted,
        int withoutItems,
        int supplementary,
        BigDecimal completionRate) {

    public static final FindingCounts NONE = new FindingCounts(0, 0, 0, 0, 0, 0, 0, 0, null);

    public FindingCounts plus(FindingCounts o) {
        int all = findings + o.findings;
        int done = completed + o.completed;
        return new FindingCounts(all, done, basicallyCompleted + o.basicallyCompleted, inProgress + o.inProgress,
                notStarted + o.notStarted, notCompleted + o.notCompleted, withoutItems + o.withoutItems,
                supplementary + o.supplementary, Ledger.rate(done, all));
    }

    public static FindingCounts sum(List<FindingCounts> all) {
        return all.stream().reduce(NONE, FindingCounts::plus);
    }

    /** The count of one status. */
    public int count(FindingStatus status) {
        return switch (status) {
            case NO_ITEMS -> withoutItems;
            case NOT_STARTED -> notStarted;
            case IN_PROGRESS -> inProgress;
            case BASICALLY_COMPLETED -> basicallyCompleted;
            case NOT_COMPLETED -> notCompleted;
            case COMPLETED -> completed;
        };
    }
}
