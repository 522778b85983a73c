package io.zhenggai.api.rectification;

/** Status of a rectification item or measure, as recorded with progress. */
public enum ItemStatus {
    NOT_STARTED("未启动"),
    IN_PROGRESS("正在推进"),
    /** 基本完成: stage results achieved, work continues. */
    BASICALLY_COMPLETED("基本完成"),
    COMPLETED("已完成"),
    /** 未完成: found not done at a review. */
    NOT_COMPLETED("未完成"),
    /** 已建立长效机制: the end state of an ongoing item (which is never "completed"). */
    LONG_TERM_MECHANISM_ESTABLISHED("已建立长效机制");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the work of an item in this status is done (completed, or a long-term mechanism established). */
    public boolean done() {
        return this == COMPLETED || this == LONG_TERM_MECHANISM_ESTABLISHED;
    }
}
