package io.zhenggai.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the inspection context. {@code expectedVersion} is the aggregate version the caller last saw
 * (the HTTP {@code If-Match}); {@code null} means "whatever the current version is".
 */
public final class InspectionCommands {
    private InspectionCommands() {
    }

    /** 创建轮次 (e.g. 十三届区委第三轮巡察). */
    public record CreateRoundCommand(
            @TargetAggregateIdentifier String roundId,
            String name,
            String organizer,
            LocalDate periodStart,
            LocalDate periodEnd) {
    }

    /** 安排巡视/巡察: who inspects whom, on whose mandate, under which rules, in which planned period. */
    public record ScheduleInspectionCommand(
            @TargetAggregateIdentifier String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String mandate,
            List<String> legalBasis,
            LocalDate plannedFieldworkStart,
            LocalDate plannedFieldworkEnd,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level,
            String inspectedUnitId,
            String inspectingGroupId) {

        /** {@code kind} null means 巡察 ({@link InspectionKind#DEFAULT}); form and level stay null when not stated. */
        public ScheduleInspectionCommand {
            kind = InspectionKind.orDefault(kind);
        }

        /** An inspection not (yet) linked to organisations: its unit and group are only labels. */
        public ScheduleInspectionCommand(String inspectionId, String roundId, String inspectingBody, String inspectedUnit,
                                         String mandate, List<String> legalBasis, LocalDate plannedFieldworkStart,
                                         LocalDate plannedFieldworkEnd, InspectionKind kind, InspectionForm form,
                                         InspectionLevel level) {
            this(inspectionId, roundId, inspectingBody, inspectedUnit, mandate, legalBasis, plannedFieldworkStart,
                    plannedFieldworkEnd, kind, form, level, null, null);
        }
    }

    /**
     * Records which organisations an inspection belongs to: for a stream scheduled before organisations existed, or to
     * correct an assignment (ADR 0030). Sent by {@code ADMIN}.
     */
    public record AssignInspectionOrganisationsCommand(
            @TargetAggregateIdentifier String inspectionId,
            String inspectedUnitId,
            String inspectingGroupId,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record JoinRoundCommand(
            @TargetAggregateIdentifier String inspectionId,
            String roundId,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record StartFieldworkCommand(
            @TargetAggregateIdentifier String inspectionId,
            LocalDate date,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record ConcludeFieldworkCommand(
            @TargetAggregateIdentifier String inspectionId,
            LocalDate date,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Adds a headed category (方面) to which findings belong; categories keep the order they were added in. */
    public record AddFindingCategoryCommand(
            @TargetAggregateIdentifier String inspectionId,
            String categoryId,
            String title,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordFindingCommand(
            @TargetAggregateIdentifier String inspectionId,
            String findingId,
            String categoryId,
            String title,
            String description,
            List<String> manifestations,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record AmendFindingCommand(
            @TargetAggregateIdentifier String inspectionId,
            String findingId,
            String title,
            String description,
            List<String> manifestations,
            @TargetAggregateVersion Long expectedVersion) {
    }

    public record WithdrawFindingCommand(
            @TargetAggregateIdentifier String inspectionId,
            String findingId,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** 反馈巡察意见: freezes the findings. */
    public record DeliverFeedbackCommand(
            @TargetAggregateIdentifier String inspectionId,
            LocalDate date,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** After feedback a finding changes only through a recorded correction with a reason. */
    public record CorrectFindingCommand(
            @TargetAggregateIdentifier String inspectionId,
            String findingId,
            String title,
            String description,
            List<String> manifestations,
            String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }
}
