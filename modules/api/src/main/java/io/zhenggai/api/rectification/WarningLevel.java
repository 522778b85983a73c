package io.zhenggai.api.rectification;

/** Deadline warning of an item, computed at query time for a given "today" and threshold. */
public enum WarningLevel {
    GREEN("正常"),
    /** Due within the warning window (default 10 days). */
    YELLOW("临期预警"),
    /** Past its current due date and not done. */
    RED("逾期");

    private final String label;

    WarningLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
