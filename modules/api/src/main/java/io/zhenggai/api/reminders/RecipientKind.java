package io.zhenggai.api.reminders;

/** Who a digest is addressed to: the responsible leader (责任领导) or the responsible department (责任部门) of items. */
public enum RecipientKind {
    LEADER("责任领导"),
    DEPARTMENT("责任部门");

    private final String label;

    RecipientKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
