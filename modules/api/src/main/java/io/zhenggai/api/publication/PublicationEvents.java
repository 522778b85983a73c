package io.zhenggai.api.publication;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Events of the publication context: past-tense facts that carry everything a consumer needs. Who did it and
 * when it was recorded is in the metadata and timestamp. A published event is never changed in place (add a new
 * one or an upcaster, and write an ADR).
 * <p>
 * {@code revision} numbers the contents a notice has had (1 at creation, +1 at every recomposition or edit);
 * {@code contentHash} is the SHA-256 of the content (facts, narrative and settings) of that revision.
 */
public final class PublicationEvents {
    private PublicationEvents() {
    }

    public record NoticeDraftCreatedEvent(
            String noticeId,
            String inspectionId,
            int versionNumber,
            String correctsNoticeId,
            String correctionReason,
            int revision,
            long position,
            Instant positionTime,
            NoticeFacts facts,
            NoticeNarrative narrative,
            NoticeSettings settings,
            String contentHash) {
    }

    /**
     * A correction of this (published) notice was drafted as notice {@code correctionNoticeId}, version
     * {@code correctionVersionNumber}: the notice is corrected and takes no other correction.
     */
    public record NoticeCorrectionDraftedEvent(
            String noticeId,
            String correctionNoticeId,
            int correctionVersionNumber,
            String reason) {
    }

    /** The draft was composed again from the ledger as of {@code position}; {@code approvalVoided} when it had been approved. */
    public record NoticeDraftRecomposedEvent(
            String noticeId,
            int revision,
            long position,
            Instant positionTime,
            NoticeFacts facts,
            String contentHash,
            boolean approvalVoided) {
    }

    public record NoticeDraftEditedEvent(
            String noticeId,
            int revision,
            NoticeNarrative narrative,
            NoticeSettings settings,
            String contentHash,
            boolean approvalVoided) {
    }

    /** What the leader approved: the revision, its content hash and the ledger position its facts come from. */
    public record NoticeApprovedEvent(
            String noticeId,
            int revision,
            String contentHash,
            long position,
            String comment) {
    }

    /**
     * Published for the window. Carries the frozen plain text as published (and its SHA-256), so what the public
     * read can always be shown again exactly, whatever happens to the ledger or the rendering code afterwards.
     */
    public record NoticePublishedEvent(
            String noticeId,
            String inspectionId,
            int versionNumber,
            String correctsNoticeId,
            int revision,
            String contentHash,
            long position,
            String title,
            String publishingUnit,
            LocalDate windowStart,
            LocalDate windowEnd,
            boolean historical,
            String text,
            String textSha256) {
    }

    /** The window is over ({@code reason} WINDOW_ENDED by the deadline, HISTORICAL when published after its end). */
    public record NoticeClosedEvent(String noticeId, LocalDate windowEnd, String reason) {
    }

    public record NoticeWithdrawnEvent(String noticeId, NoticeStatus previousStatus, String reason) {
    }

    /**
     * Feedback from the public. {@code name} and {@code contact} are personal data: shown only to publishers and
     * auditors, never on public pages or in logs.
     */
    public record FeedbackSubmittedEvent(
            String noticeId,
            String inspectionId,
            String feedbackId,
            LocalDate submittedOn,
            String text,
            String name,
            String contact) {
    }

    public record FeedbackAcknowledgedEvent(String noticeId, String feedbackId, String note) {
    }

    public record FeedbackAnsweredEvent(String noticeId, String feedbackId, String answer, boolean publicReply) {
    }

    /**
     * Feedback turned into a new finding for the rectification of {@code inspectionId} (its rectification id is
     * {@code rectificationId}): {@code title} as the staff summarised it, {@code text} as the public wrote it,
     * {@code categoryId} a suggested finding category (may be null). No personal data.
     */
    public record FeedbackEscalatedToFindingEvent(
            String noticeId,
            String feedbackId,
            String inspectionId,
            String rectificationId,
            String title,
            String text,
            String categoryId,
            LocalDate submittedOn,
            String note) {
    }
}
