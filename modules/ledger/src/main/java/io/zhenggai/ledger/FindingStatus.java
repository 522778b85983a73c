package io.zhenggai.ledger;

/** A finding's status, derived from the items that serve it ({@link Ledger#findingStatus}); never typed in. */
public enum FindingStatus {
    /** No item of the plan serves it yet. */
    NO_ITEMS("尚无整改事项"),
    /** Every item serving it is not started. */
    NOT_STARTED("未启动"),
    /** Work under way: some item in progress or not started while others moved on. */
    IN_PROGRESS("正在整改"),
    /** Every serving item done or basically completed, at least one only basically. */
    BASICALLY_COMPLETED("基本完成"),
    /** Some serving item found not completed (未完成) at a review. */
    NOT_COMPLETED("未完成"),
    /** Every serving item done. */
    COMPLETED("已完成");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
