package io.zhenggai.api.publication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Commands of the publication context. {@code expectedVersion} is the notice's version the caller last saw
 * (the HTTP {@code If-Match}); {@code null} means "whatever the current version is". Facts are never sent by a
 * person: the composing service folds them from the event store up to {@code position} and puts them in the
 * command; a person edits only the narrative and the settings. What must be given is declared on the records and
 * checked by Axon's {@code BeanValidationInterceptor} before dispatch (ADR 0046); the {@code Notice} keeps the rules
 * that depend on its state.
 */
public final class PublicationCommands {
    private PublicationCommands() {
    }

    /**
     * Creates a draft notice for an inspection, composed from the ledger as of global event position
     * {@code position} (whose event was stored at {@code positionTime}). A correction names the notice it corrects
     * and why; it is a new notice with the next version number, and the corrected one stays visible.
     */
    public record CreateNoticeDraftCommand(
            @TargetAggregateIdentifier String noticeId,
            String inspectionId,
            long position,
            Instant positionTime,
            @NotNull NoticeFacts facts,
            @NotNull NoticeNarrative narrative,
            NoticeSettings settings,
            String correctsNoticeId,
            Integer correctsVersionNumber,
            String correctionReason) {
    }

    /** Composes the draft again from the ledger as of a later (or the same) position; voids an approval. */
    public record RecomposeNoticeDraftCommand(
            @TargetAggregateIdentifier String noticeId,
            long position,
            Instant positionTime,
            @NotNull NoticeFacts facts,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Replaces the narrative and/or the settings of a draft (null keeps the current one); voids an approval. */
    public record EditNoticeDraftCommand(
            @TargetAggregateIdentifier String noticeId,
            NoticeNarrative narrative,
            NoticeSettings settings,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** A unit leader approves exactly the content whose hash {@code contentHash} they saw. */
    public record ApproveNoticeCommand(
            @TargetAggregateIdentifier String noticeId,
            @NotBlank String contentHash,
            String comment,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Publishes the approved notice for the window {@code windowStart}..{@code windowEnd} (inclusive dates).
     * {@code historical} carries a notice that was published in the past (its window may lie in the past; a
     * window already over closes at once).
     */
    public record PublishNoticeCommand(
            @TargetAggregateIdentifier String noticeId,
            @NotNull LocalDate windowStart,
            @NotNull LocalDate windowEnd,
            boolean historical,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Withdraws a notice (draft, approved, published or closed) with a reason. */
    public record WithdrawNoticeCommand(
            @TargetAggregateIdentifier String noticeId,
            @NotBlank String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Anyone submits feedback (意见建议) on a published notice during its window; name and contact are optional. */
    public record SubmitFeedbackCommand(
            @TargetAggregateIdentifier String noticeId,
            @NotBlank String feedbackId,
            @NotBlank String text,
            String name,
            String contact) {
    }

    public record AcknowledgeFeedbackCommand(
            @TargetAggregateIdentifier String noticeId,
            String feedbackId,
            String note) {
    }

    /** Answers feedback; with {@code publicReply} the text and the answer (never the name or contact) are shown publicly. */
    public record AnswerFeedbackCommand(
            @TargetAggregateIdentifier String noticeId,
            String feedbackId,
            @NotBlank String answer,
            boolean publicReply) {
    }

    /**
     * Drafts a correction of the published notice {@code noticeId}: a new notice {@code correctionNoticeId} with these
     * facts, naming the one it corrects. The corrected notice refuses a second correction (ALREADY_CORRECTED).
     */
    public record CorrectNoticeCommand(
            @TargetAggregateIdentifier String noticeId,
            String correctionNoticeId,
            long position,
            Instant positionTime,
            @NotNull NoticeFacts facts,
            @NotBlank String reason) {
    }

    /** Turns feedback into a new finding for the rectification of the notice's inspection. */
    public record EscalateFeedbackCommand(
            @TargetAggregateIdentifier String noticeId,
            String feedbackId,
            @NotBlank String title,
            String categoryId,
            String note) {
    }
}
