package io.zhenggai.inspection.web;

import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the inspection API. Bean Validation turns bad input into 400 problem details per field. */
final class InspectionRequests {
    private InspectionRequests() {
    }

    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String ID_MESSAGE = "只能包含字母、数字、点、下划线和连字符，最长64个字符";

    record CreateRoundRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String roundId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String organizer,
            LocalDate periodStart,
            LocalDate periodEnd) {
    }

    record ScheduleInspectionRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectionId,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String roundId,
            @NotBlank @Size(max = 200) String inspectingBody,
            @NotBlank @Size(max = 200) String inspectedUnit,
            @Size(max = 200) String mandate,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> legalBasis,
            @NotNull LocalDate plannedFieldworkStart,
            @NotNull LocalDate plannedFieldworkEnd,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectedUnitId,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectingGroupId) {
    }

    record JoinRoundRequest(@NotBlank @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String roundId) {
    }

    record DateRequest(@NotNull LocalDate date) {
    }

    record AddCategoryRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String categoryId,
            @NotBlank @Size(max = 500) String title) {
    }

    record RecordFindingRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String findingId,
            @NotBlank String categoryId,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20000) String description,
            @Size(max = 200) List<@NotBlank @Size(max = 5000) String> manifestations) {
    }

    record AmendFindingRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20000) String description,
            @Size(max = 200) List<@NotBlank @Size(max = 5000) String> manifestations) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record CorrectFindingRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 20000) String description,
            @Size(max = 200) List<@NotBlank @Size(max = 5000) String> manifestations,
            @NotBlank @Size(max = 2000) String reason) {
    }
}
