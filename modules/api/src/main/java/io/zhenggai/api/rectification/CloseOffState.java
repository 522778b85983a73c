package io.zhenggai.api.rectification;

/** Where an item stands in the close-off review (销号). */
public enum CloseOffState {
    NONE("未申请销号"),
    REQUESTED("已申请销号"),
    CLOSED_OFF("已销号");

    private final String label;

    CloseOffState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
