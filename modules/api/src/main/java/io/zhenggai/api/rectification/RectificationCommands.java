package io.zhenggai.api.rectification;

import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.rectification.RectificationEvents.ProblemClaim;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the rectification context. {@code expectedVersion} is the aggregate version the caller last saw
 * (the HTTP {@code If-Match}); {@code null} means "whatever the current version is". Business dates
 * ({@code date}, {@code businessDate}) are the dates things happened; they may be neither in the future nor
 * before the feedback date. {@code reason} is required for changes once the plan is adopted.
 * <p>
 * The shape of each command (what must be given) is declared here with Bean Validation and checked before dispatch by
 * Axon's {@code BeanValidationInterceptor} (ADR 0046); the aggregate checks only the business rules.
 */
public final class RectificationCommands {
    private RectificationCommands() {
    }

    /**
     * Opens the rectification of an inspection whose feedback was delivered, with the rectification's own copy
     * of the categories and findings. Sent by the rectification context's own policy; idempotent (a second
     * command for the same rectification changes nothing).
     */
    public record OpenRectificationCommand(
            @TargetAggregateIdentifier String rectificationId,
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String mandate,
            List<String> legalBasis,
            LocalDate fieldworkStart,
            LocalDate fieldworkEnd,
            LocalDate feedbackDate,
            List<RectificationEvents.LedgerCategory> categories,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level) {
    }

    /**
     * Takes over a correction of a finding made by the inspection context after feedback. {@code sourceEventId}
     * (the inspection event's id) makes it idempotent.
     */
    public record TakeOverFindingCorrectionCommand(
            @TargetAggregateIdentifier String rectificationId,
            String findingId,
            String categoryId,
            String title,
            String description,
            List<String> manifestations,
            String reason,
            String sourceEventId) {
    }

    /**
     * Records a supplementary finding (补充问题) that reached the ledger after feedback from another context, e.g.
     * public feedback a publisher turned into a finding. Sent by the rectification context's own policy; idempotent
     * by {@code source} + {@code sourceId}. {@code categoryId} names a category of the ledger, or is null (or unknown)
     * for the source's own category. {@code date} is the date the problem was raised at its source.
     */
    public record RecordSupplementaryFindingCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String findingId,
            String categoryId,
            @NotBlank String title,
            String description,
            @NotNull FindingSource source,
            @NotBlank String sourceId,
            LocalDate date) {
    }

    /**
     * Takes over a finance rule violation escalated to this rectification: an immediate item (立行立改, item id
     * {@code viol-<violationId>}) serving the finding named, or, when none is named or the ledger does not know it,
     * a supplementary finding recorded for the violation. Sent by the rectification context's own policy; idempotent
     * by violation id. {@code amount} is the money at stake.
     */
    public record TakeOverViolationCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String violationId,
            String findingId,
            String description,
            java.math.BigDecimal amount,
            LocalDate escalatedOn,
            String expenseId,
            LocalDate expenseDate,
            String regulationTitle,
            String breachDescription) {
    }

    /** 整改工作领导小组办公室: names the office that runs the work and the department that hosts it. */
    public record NameOfficeCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String name,
            String hostDepartment,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record AppointGroupMemberCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String memberId,
            @NotBlank String name,
            String position,
            @NotNull LeadershipRole role,
            @NotNull LocalDate date,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record RelieveGroupMemberCommand(
            @TargetAggregateIdentifier String rectificationId,
            String memberId,
            @NotNull LocalDate date,
            @NotBlank String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Adds a rectification item serving one or more findings, optionally with its measures (一是, 二是 …, in order)
     * and its responsibility (leader = a leading member of the group, department, handler).
     */
    public record AddItemCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String itemId,
            List<String> findingIds,
            @NotBlank String title,
            @NotNull ItemKind kind,
            LocalDate dueDate,
            String responsibleLeaderId,
            String responsibleDepartment,
            String handler,
            List<@NotNull @Valid NewMeasure> measures,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record NewMeasure(@NotBlank String measureId, @NotBlank String text) {
    }

    /** Revises an item's title, findings, kind or (before adoption) due date; after adoption a due date moves only by extension. */
    public record ReviseItemCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            List<String> findingIds,
            @NotBlank String title,
            @NotNull ItemKind kind,
            LocalDate dueDate,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Removes an item from a draft plan. */
    public record RemoveItemCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record AddMeasureCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            @NotBlank String measureId,
            @NotBlank String text,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReviseMeasureCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            String measureId,
            @NotBlank String text,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record RemoveMeasureCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            String measureId,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Assigns or changes who answers for an item: 责任领导 (direct), 责任部门 (specific), handler (经办人). */
    public record AssignResponsibilityCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            @NotBlank String responsibleLeaderId,
            @NotBlank String responsibleDepartment,
            String handler,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Carries the rectification as history: it is judged as of {@code asOfDate} (warning levels, overdue, the
     * dashboard) instead of the real today, e.g. a case entered after the fact up to the date of its notice.
     * {@code noticeId} names the historical notice it comes from (null when a person stated it, with a reason).
     */
    public record CarryAsHistoryCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotNull LocalDate asOfDate,
            String reason,
            String noticeId,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Adopts the plan (整改方案): the draft becomes binding; later changes are recorded with reasons. */
    public record AdoptPlanCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String title,
            String documentNumber,
            @NotNull LocalDate date,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Records progress on an item ({@code measureId} null) or on one of its measures, with evidence.
     * {@code status} is the item's (item progress) or the measure's (measure progress) new status;
     * {@code itemStatus} optionally moves the item as well when reporting on a measure.
     */
    public record RecordProgressCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            String measureId,
            @NotBlank String progressId,
            @NotNull LocalDate businessDate,
            @NotNull ItemStatus status,
            ItemStatus itemStatus,
            String text,
            List<@NotNull @Valid Evidence> evidence,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** The office asks to close the item off (销号) on the strength of the evidence named (all of the item's when empty). */
    public record RequestCloseOffCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            @NotNull LocalDate businessDate,
            String summary,
            List<String> evidenceIds,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * A unit leader approves the close-off. The approval records the evidence of the request; when
     * {@code evidenceIds} is given it must be exactly that evidence (what the approver saw).
     */
    public record ApproveCloseOffCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            @NotNull LocalDate businessDate,
            String comment,
            List<String> evidenceIds,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** A unit leader sends the close-off request back, with the reason. */
    public record ReturnCloseOffCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            @NotNull LocalDate businessDate,
            @NotBlank String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** 回头看: a look-back review reopens a closed-off item. */
    public record ReopenItemCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            @NotNull LocalDate businessDate,
            @NotBlank String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Moves an item's due date later, with a reason and the approver; the original and every extension are kept. */
    public record ExtendDeadlineCommand(
            @TargetAggregateIdentifier String rectificationId,
            String itemId,
            @NotNull LocalDate newDueDate,
            @NotNull LocalDate businessDate,
            @NotBlank String reason,
            @NotBlank String approver,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Records a meeting of record (部务会, 专题民主生活会 …) with the problems leaders claimed at it. */
    public record RecordMeetingCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String meetingId,
            @NotNull MeetingKind kind,
            @NotNull LocalDate date,
            @NotBlank String title,
            List<String> attendees,
            List<@NotNull @Valid ProblemClaim> claims,
            String summary,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Records an accountability outcome (问责) of one kind: a count (zero allowed, as notices state zero counts)
     * and/or the persons concerned (then the count, when given, must equal their number); or, with
     * {@code personsNotCounted}, neither: the unit states the outcome without a number ("对相关责任人员作出处理").
     */
    public record RecordAccountabilityCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String outcomeId,
            @NotNull AccountabilityKind kind,
            @NotNull LocalDate date,
            Integer count,
            List<@NotBlank String> persons,
            List<String> findingIds,
            String description,
            @TargetAggregateVersion Long expectedVersion,
            boolean personsNotCounted) {

        /** A counted outcome. */
        public RecordAccountabilityCommand(String rectificationId, String outcomeId, AccountabilityKind kind, LocalDate date,
                                           Integer count, List<String> persons, List<String> findingIds, String description,
                                           Long expectedVersion) {
            this(rectificationId, outcomeId, kind, date, count, persons, findingIds, description, expectedVersion, false);
        }
    }

    /**
     * Records a process metric (过程性指标) of one kind: a count (zero allowed: a unit may state it did none) on a
     * date, e.g. 12 work reminders sent. {@code meetingKind} names the kind of meeting for
     * {@link ProcessMetricKind#MEETINGS_HELD} and only for it.
     */
    public record RecordProcessMetricCommand(
            @TargetAggregateIdentifier String rectificationId,
            @NotBlank String metricId,
            @NotNull ProcessMetricKind kind,
            MeetingKind meetingKind,
            @NotNull Integer count,
            @NotNull LocalDate date,
            String description,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Stores an evidence file (a scan, PDF, image) for a rectification, by content: what the upload endpoint
     * ({@code POST …/evidence-files}) does, for senders that are no HTTP controller of the context (the workbench's
     * upload form). No event: the file is a blob that progress then names by its SHA-256
     * ({@link Evidence.File}). Answers a {@link StoredEvidenceFile}.
     */
    public record StoreEvidenceFileCommand(
            @TargetAggregateIdentifier String rectificationId,
            String fileName,
            String contentType,
            byte[] content) {
    }

    /** The answer of {@link StoreEvidenceFileCommand}: the stored file, to be named in {@link Evidence.File}. */
    public record StoredEvidenceFile(String sha256, String fileName, String contentType, long size) {
    }
}
