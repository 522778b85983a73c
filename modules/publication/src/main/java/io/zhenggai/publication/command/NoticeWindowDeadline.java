package io.zhenggai.publication.command;

import java.time.LocalDate;

/**
 * Payload of the persistent deadline that closes a notice at the end of its window: scheduled for the start of
 * the day after {@code windowEnd} (in the configured zone), stored by the DeadlineManager (db-scheduler, table
 * {@code scheduled_tasks}), so it survives restarts.
 */
public record NoticeWindowDeadline(String noticeId, LocalDate windowEnd) {
}
