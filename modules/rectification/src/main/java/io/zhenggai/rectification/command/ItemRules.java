package io.zhenggai.rectification.command;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;

import java.time.LocalDate;

import static io.zhenggai.platform.domain.RuleViolationException.require;

/**
 * The rules that tie an item's kind to its due date and status (pure): a time-bound item has a due date, an ongoing
 * one has none, no due date lies before the feedback; an ongoing item is never "completed", and only an ongoing item
 * "established a long-term mechanism".
 */
final class ItemRules {

    private ItemRules() {
    }

    /** {@code feedbackDate} may be null (a rectification opened without one); {@code words} names the feedback. */
    static void requireKindAndDue(ItemKind kind, LocalDate dueDate, LocalDate feedbackDate, InspectionKind words) {
        require(kind != ItemKind.TIME_BOUND || dueDate != null, "DUE_DATE_REQUIRED", "限时完成的整改事项必须有完成时限");
        require(kind != ItemKind.ONGOING || dueDate == null, "ONGOING_HAS_NO_DUE_DATE", "长期坚持的整改事项没有完成时限");
        require(dueDate == null || feedbackDate == null || !dueDate.isBefore(feedbackDate), "DUE_BEFORE_FEEDBACK",
                "完成时限（" + dueDate + "）不能早于" + words.feedback() + "日期（" + feedbackDate + "）");
    }

    static void requireStatusFits(ItemKind kind, ItemStatus status) {
        require(kind != ItemKind.ONGOING || status != ItemStatus.COMPLETED, "ONGOING_NEVER_COMPLETED",
                "长期坚持的整改事项不会“已完成”，可标记为“已建立长效机制”");
        requireLongTermOnlyForOngoing(kind, status);
    }

    static void requireLongTermOnlyForOngoing(ItemKind kind, ItemStatus status) {
        require(kind == ItemKind.ONGOING || status != ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED,
                "LONG_TERM_ONLY_FOR_ONGOING", "只有长期坚持的整改事项才能标记“已建立长效机制”");
    }
}
