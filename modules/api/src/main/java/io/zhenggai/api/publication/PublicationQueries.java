package io.zhenggai.api.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries answered by the publication context, and their typed results. */
public final class PublicationQueries {
    private PublicationQueries() {
    }

    /** One notice with its current content; null when there is none. */
    public record FindNoticeQuery(String noticeId) {
    }

    /** One earlier (or the current) revision of a notice's content; null when there is none. */
    public record FindNoticeRevisionQuery(String noticeId, int revision) {
    }

    /**
     * Notices for staff, newest first; filters may be null. {@code roundId}: the notices composed for that round
     * (轮次通报, ADR 0026), which belong to no single inspection.
     */
    public record ListNoticesQuery(String inspectionId, String roundId, NoticeStatus status, int page, int size) {
        public ListNoticesQuery(String inspectionId, NoticeStatus status, int page, int size) {
            this(inspectionId, null, status, page, size);
        }
    }

    /** Published and closed notices, newest first (what anyone may read). */
    public record ListPublicNoticesQuery() {
    }

    /** Every feedback of a notice, with personal data (for publishers and auditors). */
    public record ListFeedbackQuery(String noticeId) {
    }

    /** Feedback answered with a public reply: text and answer only, never name or contact. */
    public record ListPublicRepliesQuery(String noticeId) {
    }

    public record NoticeView(
            String noticeId,
            String inspectionId,
            int versionNumber,
            String correctsNoticeId,
            String correctionReason,
            String correctedByNoticeId,
            NoticeStatus status,
            String statusLabel,
            int revision,
            long position,
            Instant positionTime,
            String contentHash,
            NoticeFacts facts,
            NoticeNarrative narrative,
            NoticeSettings settings,
            Approval approval,
            Publication publication,
            String withdrawalReason,
            long version,
            Instant createdAt,
            Instant updatedAt) {
    }

    public record Approval(int revision, String contentHash, long position, String approvedBy, Instant approvedAt,
                           String comment) {
    }

    public record Publication(int revision, LocalDate windowStart, LocalDate windowEnd, boolean historical,
                              String publishedBy, Instant publishedAt, Instant closedAt, String closeReason,
                              String text, String textSha256) {
    }

    public record NoticeRevision(String noticeId, int revision, long position, Instant positionTime, String contentHash,
                                 NoticeFacts facts, NoticeNarrative narrative, NoticeSettings settings) {
    }

    public record NoticeSummary(
            String noticeId,
            String inspectionId,
            String title,
            String publishingUnit,
            int versionNumber,
            String correctsNoticeId,
            String correctedByNoticeId,
            NoticeStatus status,
            String statusLabel,
            LocalDate windowStart,
            LocalDate windowEnd,
            boolean historical,
            Instant publishedAt,
            long version,
            String roundId) {
        /** {@code roundId}: the round of a round notice (its {@code inspectionId} is then null); null for a unit's notice. */
        public NoticeSummary(String noticeId, String inspectionId, String title, String publishingUnit, int versionNumber,
                             String correctsNoticeId, String correctedByNoticeId, NoticeStatus status, String statusLabel,
                             LocalDate windowStart, LocalDate windowEnd, boolean historical, Instant publishedAt, long version) {
            this(noticeId, inspectionId, title, publishingUnit, versionNumber, correctsNoticeId, correctedByNoticeId, status,
                    statusLabel, windowStart, windowEnd, historical, publishedAt, version, null);
        }
    }

    public record NoticePage(List<NoticeSummary> items, int page, int size, long total) {
    }

    public record NoticeList(List<NoticeSummary> items) {
    }

    public record FeedbackView(
            String feedbackId,
            String noticeId,
            LocalDate submittedOn,
            Instant submittedAt,
            String text,
            String name,
            String contact,
            FeedbackStatus status,
            String statusLabel,
            String note,
            String answer,
            boolean publicReply,
            String handledBy,
            Instant handledAt,
            String escalatedTitle) {
    }

    public record FeedbackList(String noticeId, List<FeedbackView> items) {
    }

    public record PublicReply(String feedbackId, LocalDate submittedOn, String text, String answer) {
    }

    public record PublicReplies(String noticeId, List<PublicReply> items) {
    }

    /**
     * A new draft for an inspection (or a round, {@code roundId}) as the composing service would create it now: the
     * facts folded from the ledger at its head, with the default narrative and settings. Nothing is stored; the
     * workbench shows it and sends {@link PublicationCommands.CreateNoticeDraftCommand} with it.
     */
    public record ProposeNoticeDraftQuery(String inspectionId, String roundId) {
    }

    public record NoticeDraftProposal(String inspectionId, long position, Instant positionTime, NoticeFacts facts,
                                      NoticeNarrative narrative, NoticeSettings settings) {
    }

    /**
     * The notice rendered as it would read with this narrative and these settings (null: the stored ones), and what
     * blocks its approval (the consistency checker's messages, each naming its field). Nothing is stored: the
     * live preview of the compose page.
     */
    public record RenderNoticeQuery(String noticeId, NoticeNarrative narrative, NoticeSettings settings) {
        public RenderNoticeQuery(String noticeId) {
            this(noticeId, null, null);
        }
    }

    public record RenderedNoticeView(String noticeId, String text, List<RenderedSection> sections, List<NoticeIssue> issues) {
    }

    /** One section of a rendered notice: key ({@code title}, {@code 1}, {@code 2.1} …), level, heading, paragraphs. */
    public record RenderedSection(String key, int level, String heading, List<String> paragraphs) {
    }

    /** A message of the consistency checker: a stable code, the field ({@code title}, {@code responsibilitySections[0].text} …), the rule in words. */
    public record NoticeIssue(String code, String field, String message) {
    }

    /**
     * A notice compared section by section with its previous version: the notice it corrects, when it is a
     * correction, else its previous revision (or revisions {@code from} and {@code to} when given).
     */
    public record DiffNoticeQuery(String noticeId, Integer from, Integer to) {
    }

    public record NoticeDiffView(String noticeId, String fromLabel, String toLabel, boolean identical,
                                 List<SectionChange> sections) {
    }

    /** {@code change}: UNCHANGED, CHANGED, ADDED or REMOVED. */
    public record SectionChange(String key, String change, String before, String after) {
    }
}
