package io.zhenggai.rectification.command;

import java.time.LocalDate;

/**
 * Payload of the persistent deadline that marks an item overdue: scheduled for the start of the day after
 * {@code dueDate} (in the configured zone), stored by the DeadlineManager (db-scheduler, table {@code scheduled_tasks}).
 * It names the due date it was scheduled for, so that a deadline made stale by an extension never fires an event.
 */
public record ItemOverdueDeadline(String itemId, LocalDate dueDate) {
}
