package io.zhenggai.api.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries of the reminders context and their results. */
public final class ReminderQueries {
    private ReminderQueries() {
    }

    /** The inbox of {@code username}, most recent first; {@code unreadOnly} leaves out what was read. */
    public record ListInboxQuery(String username, boolean unreadOnly, int page, int size) {
    }

    /** One digest in one account's inbox; null when it is not in that inbox. */
    public record FindInboxEntryQuery(String username, String digestId) {
    }

    public record InboxEntry(
            String digestId,
            LocalDate businessDate,
            RecipientKind recipientKind,
            String recipientKindLabel,
            String recipientName,
            String unit,
            String title,
            List<DigestEntryView> entries,
            Instant issuedAt,
            Instant readAt) {
    }

    public record DigestEntryView(DigestEntry entry, String reasonLabel) {
    }

    public record Inbox(String username, List<InboxEntry> items, long unread, int page, int size, long total) {
    }

    /** The directory of recipients, by unit, kind and name. */
    public record ListRecipientsQuery() {
    }

    /** {@code version}: the entry's version, for If-Match on the next change. */
    public record RecipientView(String recipientId, String unit, RecipientKind kind, String kindLabel, String name,
                                List<String> accounts, List<String> emails, long version) {
    }

    public record RecipientList(List<RecipientView> recipients) {
    }

    /** The latest runs of the daily digest job, most recent first. */
    public record ListDigestRunsQuery(int limit) {
    }

    /**
     * One run of the digest job: its business date, what started it ({@code SCHEDULE} or {@code MANUAL}) and on which
     * node, when it started and finished, how many digests it issued and how many existed already (a second firing of
     * the day), how many items it found, and the error that ended it (null when it completed).
     */
    public record DigestRunView(String runId, LocalDate businessDate, String trigger, String node, Instant startedAt,
                                Instant finishedAt, int issued, int alreadyIssued, int entries, String error) {
    }

    public record DigestRuns(List<DigestRunView> runs) {
    }
}
