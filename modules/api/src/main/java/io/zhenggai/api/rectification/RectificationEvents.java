package io.zhenggai.api.rectification;

import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;

import jakarta.validation.constraints.NotBlank;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of the rectification context: past-tense facts that carry everything a consumer needs (the publication
 * context renders the notice from them, the reporting context builds its dashboards from them). Every event names
 * its {@code rectificationId}; {@link RectificationOpenedEvent} ties it to the inspection. Who recorded an event and
 * when is in its metadata and timestamp; the date a thing happened is in its payload ({@code businessDate},
 * {@code date}). A published event is never changed in place (add a new one or an upcaster, and write an ADR).
 */
public final class RectificationEvents {
    private RectificationEvents() {
    }

    /** The rectification's own copy of a delivered category of findings (方面). */
    public record LedgerCategory(String categoryId, int ordinal, String title, List<LedgerFinding> findings) {
    }

    /** The rectification's own copy of a delivered finding (反馈问题) with its manifestations (具体表现). */
    public record LedgerFinding(String findingId, int ordinal, String title, String description, List<String> manifestations) {
    }

    /** 整改启动: opened by the rectification context when the inspection's feedback was delivered. */
    public record RectificationOpenedEvent(
            String rectificationId,
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String mandate,
            List<String> legalBasis,
            LocalDate fieldworkStart,
            LocalDate fieldworkEnd,
            LocalDate feedbackDate,
            List<LedgerCategory> categories,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level) {

        /** Streams recorded before the kind existed have none: they are read as 巡察 (ADR 0017). */
        public RectificationOpenedEvent {
            kind = InspectionKind.orDefault(kind);
        }
    }

    /** A finding was corrected by the inspection context after feedback; the ledger's copy now reads so. */
    public record FindingCorrectionTakenOverEvent(
            String rectificationId,
            String findingId,
            String categoryId,
            String title,
            String description,
            List<String> manifestations,
            String reason,
            String sourceEventId) {
    }

    /**
     * A supplementary finding (补充问题) was added to the ledger after feedback, from {@code source}
     * ({@code sourceId}: the feedback id or violation id). It sits in category {@code categoryId}; when
     * {@code newCategory} is true that category was opened by this event with {@code categoryOrdinal} and
     * {@code categoryTitle}. {@code ordinal} numbers it within its category; {@code date} is the date the problem
     * was raised at its source; {@code afterAdoption} tells that the plan was already adopted.
     */
    public record SupplementaryFindingRecordedEvent(
            String rectificationId,
            String findingId,
            String categoryId,
            int categoryOrdinal,
            String categoryTitle,
            boolean newCategory,
            int ordinal,
            String title,
            String description,
            FindingSource source,
            String sourceId,
            LocalDate date,
            boolean afterAdoption) {
    }

    public record OfficeNamedEvent(String rectificationId, String name, String hostDepartment) {
    }

    public record GroupMemberAppointedEvent(
            String rectificationId, String memberId, String name, String position, LeadershipRole role, LocalDate date) {
    }

    public record GroupMemberRelievedEvent(
            String rectificationId, String memberId, String name, LeadershipRole role, LocalDate date, String reason) {
    }

    /**
     * An item was added to the plan. {@code ordinal} numbers the items of the rectification (1, 2, …) in the order
     * added; {@code afterAdoption} tells a change to an adopted plan (then {@code reason} says why).
     */
    public record ItemAddedEvent(
            String rectificationId,
            String itemId,
            int ordinal,
            List<String> findingIds,
            String title,
            ItemKind kind,
            LocalDate dueDate,
            String responsibleLeaderId,
            String responsibleLeaderName,
            String responsibleDepartment,
            String handler,
            boolean afterAdoption,
            String reason) {
    }

    /** The item now reads so (its full new state); {@code dueDate} changes here only before adoption. */
    public record ItemRevisedEvent(
            String rectificationId,
            String itemId,
            List<String> findingIds,
            String title,
            ItemKind kind,
            LocalDate dueDate,
            boolean afterAdoption,
            String reason) {
    }

    public record ItemRemovedEvent(String rectificationId, String itemId, String reason) {
    }

    /** A measure (一是, 二是 …): {@code ordinal} is its place among the item's measures. */
    public record MeasureAddedEvent(
            String rectificationId, String itemId, String measureId, int ordinal, String text, boolean afterAdoption,
            String reason) {
    }

    public record MeasureRevisedEvent(
            String rectificationId, String itemId, String measureId, String text, boolean afterAdoption, String reason) {
    }

    public record MeasureRemovedEvent(
            String rectificationId, String itemId, String measureId, boolean afterAdoption, String reason) {
    }

    /** Who answers for the item now, and who did before (null when first assigned). */
    public record ResponsibilityAssignedEvent(
            String rectificationId,
            String itemId,
            String responsibleLeaderId,
            String responsibleLeaderName,
            String responsibleDepartment,
            String handler,
            String previousLeaderId,
            String previousLeaderName,
            String previousDepartment,
            String previousHandler,
            boolean afterAdoption,
            String reason) {
    }

    /**
     * The rectification is carried as history and judged as of {@code asOfDate}; {@code noticeId} names the historical
     * notice the date comes from, null when stated by a person (with {@code reason}).
     */
    public record CarriedAsHistoryEvent(String rectificationId, String inspectionId, LocalDate asOfDate, String reason,
                                        String noticeId) {
    }

    /** 整改方案 adopted: 《title》, document number, date, and how many items and measures it holds. */
    public record PlanAdoptedEvent(
            String rectificationId, String title, String documentNumber, LocalDate adoptedDate, int itemCount,
            int measureCount) {
    }

    /**
     * Progress on an item ({@code measureId} null) or a measure. {@code measureStatus} is the measure's status after
     * it (null for item progress); {@code itemStatus}/{@code previousItemStatus} the item's status after/before it.
     */
    public record ProgressRecordedEvent(
            String rectificationId,
            String progressId,
            String itemId,
            String measureId,
            LocalDate businessDate,
            ItemStatus measureStatus,
            ItemStatus itemStatus,
            ItemStatus previousItemStatus,
            String text,
            List<Evidence> evidence) {
    }

    /** A reference to a recorded piece of evidence: its id, kind and, for files, the SHA-256 of the content. */
    public record EvidenceRef(String evidenceId, EvidenceKind kind, String sha256) {
    }

    public record CloseOffRequestedEvent(
            String rectificationId, String itemId, LocalDate businessDate, String summary, List<EvidenceRef> evidence) {
    }

    /** 销号: approved, on exactly the evidence listed. */
    public record CloseOffApprovedEvent(
            String rectificationId, String itemId, LocalDate businessDate, String comment,
            List<EvidenceRef> approvedEvidence) {
    }

    public record CloseOffReturnedEvent(String rectificationId, String itemId, LocalDate businessDate, String reason) {
    }

    /** 回头看: a closed-off item is open again; its status is {@code status} now. */
    public record ItemReopenedEvent(
            String rectificationId, String itemId, LocalDate businessDate, String reason, ItemStatus status) {
    }

    /** The n-th extension of an item's due date: original, previous and new due dates, reason, approver. */
    public record DeadlineExtendedEvent(
            String rectificationId,
            String itemId,
            int extension,
            LocalDate originalDueDate,
            LocalDate previousDueDate,
            LocalDate newDueDate,
            LocalDate businessDate,
            String reason,
            String approver) {
    }

    /** Recorded by the system (metadata userId {@code system}) when an unfinished item passes its due date. */
    public record ItemBecameOverdueEvent(
            String rectificationId, String itemId, LocalDate dueDate, LocalDate overdueSince, ItemStatus status) {
    }

    /**
     * A leader who claimed a problem at a meeting (班子成员主动认领问题). As part of a command, the leader's name and the
     * problem are required (Bean Validation).
     */
    public record ProblemClaim(@NotBlank String leaderName, String memberId, @NotBlank String problem,
                               List<String> findingIds) {
    }

    public record MeetingRecordedEvent(
            String rectificationId,
            String meetingId,
            MeetingKind kind,
            LocalDate date,
            String title,
            List<String> attendees,
            List<ProblemClaim> claims,
            String summary) {
    }

    /**
     * An accountability outcome. {@code personsNotCounted}: the unit stated the outcome without a number
     * ("对相关责任人员作出处理"); {@code count} is then 0 and counts nothing. Events recorded before the field existed
     * have none and read as counted (false), which they were (ADR 0024).
     */
    public record AccountabilityRecordedEvent(
            String rectificationId,
            String outcomeId,
            AccountabilityKind kind,
            LocalDate date,
            int count,
            List<String> persons,
            List<String> findingIds,
            String description,
            boolean personsNotCounted) {

        /** A counted outcome. */
        public AccountabilityRecordedEvent(String rectificationId, String outcomeId, AccountabilityKind kind, LocalDate date,
                                           int count, List<String> persons, List<String> findingIds, String description) {
            this(rectificationId, outcomeId, kind, date, count, persons, findingIds, description, false);
        }
    }

    /** A process metric (过程性指标): {@code count} of {@code kind} (of {@code meetingKind} for meetings) as of {@code date}. */
    public record ProcessMetricRecordedEvent(
            String rectificationId,
            String metricId,
            ProcessMetricKind kind,
            MeetingKind meetingKind,
            int count,
            LocalDate date,
            String description) {
    }
}
