package io.zhenggai.api.publication;

/** Where a piece of public feedback (意见建议) stands. */
public enum FeedbackStatus {
    RECEIVED("已收到"),
    ACKNOWLEDGED("已受理"),
    ANSWERED("已答复"),
    ESCALATED("已转为整改问题");

    private final String label;

    FeedbackStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
