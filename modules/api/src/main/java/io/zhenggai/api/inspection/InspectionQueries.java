package io.zhenggai.api.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries answered by the inspection context, and their typed results. */
public final class InspectionQueries {
    private InspectionQueries() {
    }

    public record FindInspectionQuery(String inspectionId) {
    }

    /** Page {@code page} (0-based) of {@code size} inspections, newest first; {@code roundId} may be null. */
    public record ListInspectionsQuery(String roundId, int page, int size) {
    }

    public record FindRoundQuery(String roundId) {
    }

    public record ListRoundsQuery() {
    }

    public record InspectionView(
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String mandate,
            List<String> legalBasis,
            LocalDate plannedFieldworkStart,
            LocalDate plannedFieldworkEnd,
            LocalDate fieldworkStart,
            LocalDate fieldworkEnd,
            LocalDate feedbackDate,
            String status,
            String statusLabel,
            long version,
            Instant updatedAt,
            List<CategoryView> categories,
            InspectionKind kind,
            String kindLabel,
            InspectionForm form,
            String formLabel,
            InspectionLevel level,
            String levelLabel) {
    }

    public record CategoryView(String categoryId, int ordinal, String title, List<FindingView> findings) {
    }

    public record FindingView(
            String findingId,
            int ordinal,
            String title,
            String description,
            List<String> manifestations,
            boolean withdrawn,
            String withdrawalReason,
            int corrections) {
    }

    public record InspectionSummary(
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String status,
            String statusLabel,
            LocalDate feedbackDate,
            int findingCount,
            long version,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level) {
    }

    public record InspectionPage(List<InspectionSummary> items, int page, int size, long total) {
    }

    public record RoundView(
            String roundId,
            String name,
            String organizer,
            LocalDate periodStart,
            LocalDate periodEnd,
            int inspectionCount,
            int feedbackDeliveredCount,
            int findingCount) {
    }

    public record RoundList(List<RoundView> rounds) {
    }
}
