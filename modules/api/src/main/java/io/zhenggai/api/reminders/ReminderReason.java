package io.zhenggai.api.reminders;

/** Why an item is in a digest. */
public enum ReminderReason {
    /** Due within the configured number of days (warning level YELLOW of the ledger). */
    DUE_SOON("即将到期"),
    /** Past its current due date and not done (warning level RED of the ledger). */
    OVERDUE("已逾期"),
    /** Its close-off (销号) request was returned and not requested again. */
    CLOSE_OFF_RETURNED("销号申请被退回");

    private final String label;

    ReminderReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
