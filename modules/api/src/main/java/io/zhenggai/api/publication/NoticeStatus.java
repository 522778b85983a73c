package io.zhenggai.api.publication;

/** Where a notice stands. A closed notice stays public; only its feedback stops. */
public enum NoticeStatus {
    DRAFT("草稿"),
    APPROVED("已审核"),
    PUBLISHED("公开中"),
    CLOSED("公开期满"),
    WITHDRAWN("已撤回");

    private final String label;

    NoticeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the public can read it (published or closed). */
    public boolean isPublic() {
        return this == PUBLISHED || this == CLOSED;
    }
}
