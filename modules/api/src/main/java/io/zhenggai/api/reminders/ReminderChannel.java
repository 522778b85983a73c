package io.zhenggai.api.reminders;

/** How a digest reaches its recipient. The inbox is always on; the others when configured. */
public enum ReminderChannel {
    INBOX("站内消息"),
    WEBHOOK("Webhook"),
    EMAIL("电子邮件");

    private final String label;

    ReminderChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
