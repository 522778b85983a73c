package io.zhenggai.api.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of the inspection context: past-tense facts that carry everything a consumer needs.
 * A published event is never changed in place (add a new one or an upcaster, and write an ADR).
 */
public final class InspectionEvents {
    private InspectionEvents() {
    }

    public record RoundCreatedEvent(
            String roundId, String name, String organizer, LocalDate periodStart, LocalDate periodEnd) {
    }

    public record InspectionScheduledEvent(
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String mandate,
            List<String> legalBasis,
            LocalDate plannedFieldworkStart,
            LocalDate plannedFieldworkEnd,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level) {

        /** Streams recorded before the kind existed have none: they are read as 巡察 (ADR 0017). */
        public InspectionScheduledEvent {
            kind = InspectionKind.orDefault(kind);
        }
    }

    /**
     * The inspection belongs to the inspected unit {@code inspectedUnitId} and is carried out by the inspection group
     * {@code inspectingGroupId} (organisation ids; the free-text names of the scheduling stay the labels). Recorded with
     * the scheduling when the ids are given, or later as an assignment for a stream that had none (ADR 0030).
     */
    public record InspectionOrganisationsAssignedEvent(String inspectionId, String inspectedUnitId, String inspectingGroupId) {
    }

    public record InspectionJoinedRoundEvent(String inspectionId, String roundId, String previousRoundId) {
    }

    public record FieldworkStartedEvent(String inspectionId, LocalDate date) {
    }

    public record FieldworkConcludedEvent(String inspectionId, LocalDate date) {
    }

    public record FindingCategoryAddedEvent(String inspectionId, String categoryId, int ordinal, String title) {
    }

    public record FindingRecordedEvent(
            String inspectionId,
            String findingId,
            String categoryId,
            int ordinal,
            String title,
            String description,
            List<String> manifestations) {
    }

    public record FindingAmendedEvent(
            String inspectionId, String findingId, String title, String description, List<String> manifestations) {
    }

    public record FindingWithdrawnEvent(String inspectionId, String findingId, String reason) {
    }

    /**
     * 反馈巡视/巡察意见. Carries the whole frozen list of categories and findings, and the inspection's kind, form and
     * level, so that the rectification and publication contexts never ask the inspection context anything.
     */
    public record FeedbackDeliveredEvent(
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String mandate,
            List<String> legalBasis,
            LocalDate fieldworkStart,
            LocalDate fieldworkEnd,
            LocalDate feedbackDate,
            List<DeliveredCategory> categories,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level) {

        /** Streams recorded before the kind existed have none: they are read as 巡察 (ADR 0017). */
        public FeedbackDeliveredEvent {
            kind = InspectionKind.orDefault(kind);
        }
    }

    public record DeliveredCategory(String categoryId, int ordinal, String title, List<DeliveredFinding> findings) {
    }

    public record DeliveredFinding(
            String findingId, int ordinal, String title, String description, List<String> manifestations) {
    }

    /** A correction of a finding after feedback, with its reason; the earlier wording stays in the history. */
    public record FindingCorrectedEvent(
            String inspectionId,
            String findingId,
            String categoryId,
            String title,
            String description,
            List<String> manifestations,
            String reason) {
    }
}
