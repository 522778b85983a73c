package io.zhenggai.api.rectification;

/** The kind of deadline of a rectification item. */
public enum ItemKind {
    /** 立行立改: fixed at once; may carry a due date. */
    IMMEDIATE("立行立改"),
    /** 限时完成: due by a date (required). */
    TIME_BOUND("限时完成"),
    /** 长期坚持: ongoing, never "completed"; at best a long-term mechanism is established. No due date. */
    ONGOING("长期坚持");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
