package io.zhenggai.rectification.web;

import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the rectification API. Bean Validation turns bad input into 400 problem details per field. */
final class RectificationRequests {
    private RectificationRequests() {
    }

    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String ID_MESSAGE = "只能包含字母、数字、点、下划线和连字符，最长64个字符";
    static final String SHA256_PATTERN = "^[0-9a-f]{64}$";

    record NameOfficeRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String hostDepartment) {
    }

    record AppointMemberRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String memberId,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 200) String position,
            @NotNull LeadershipRole role,
            @NotNull LocalDate date) {
    }

    record DatedReasonRequest(
            @NotNull LocalDate date,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record AddItemRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String itemId,
            @NotEmpty @Size(max = 50) List<@NotBlank String> findingIds,
            @NotBlank @Size(max = 500) String title,
            @NotNull ItemKind kind,
            LocalDate dueDate,
            @Size(max = 64) String responsibleLeaderId,
            @Size(max = 200) String responsibleDepartment,
            @Size(max = 100) String handler,
            @Size(max = 100) List<@NotBlank @Size(max = 5000) String> measures,
            @Size(max = 2000) String reason) {
    }

    record ReviseItemRequest(
            @NotEmpty @Size(max = 50) List<@NotBlank String> findingIds,
            @NotBlank @Size(max = 500) String title,
            @NotNull ItemKind kind,
            LocalDate dueDate,
            @Size(max = 2000) String reason) {
    }

    record OptionalReasonRequest(@Size(max = 2000) String reason) {
    }

    record AddMeasureRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String measureId,
            @NotBlank @Size(max = 5000) String text,
            @Size(max = 2000) String reason) {
    }

    record ReviseMeasureRequest(
            @NotBlank @Size(max = 5000) String text,
            @Size(max = 2000) String reason) {
    }

    record ResponsibilityRequest(
            @NotBlank @Size(max = 64) String responsibleLeaderId,
            @NotBlank @Size(max = 200) String responsibleDepartment,
            @Size(max = 100) String handler,
            @Size(max = 2000) String reason) {
    }

    record AsOfRequest(@NotNull LocalDate asOfDate, @NotBlank @Size(max = 2000) String reason) {
    }

    record AdoptPlanRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 100) String documentNumber,
            @NotNull LocalDate date) {
    }

    record ProgressRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String progressId,
            @Size(max = 64) String measureId,
            @NotNull LocalDate date,
            @NotNull ItemStatus status,
            ItemStatus itemStatus,
            @Size(max = 20000) String text,
            @Size(max = 100) List<@NotNull @Valid EvidenceRequest> evidence) {
    }

    record EvidenceRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String evidenceId,
            @NotNull EvidenceKind kind,
            @Size(max = 5000) String description,
            @Valid DocumentRequest document,
            @Valid MeetingRefRequest meeting,
            @Valid OrganisationRequest organisation,
            @Valid FigureRequest figure,
            @Valid FileRefRequest file) {
    }

    record DocumentRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 100) String number,
            LocalDate date) {
    }

    record MeetingRefRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 100) String kind,
            @NotNull LocalDate date) {
    }

    record OrganisationRequest(
            @NotBlank @Size(max = 300) String name,
            LocalDate date) {
    }

    record FigureRequest(
            @NotBlank @Size(max = 200) String metric,
            @NotNull @Digits(integer = 18, fraction = 6) BigDecimal value,
            @Size(max = 50) String unit,
            LocalDate asOf) {
    }

    record FileRefRequest(@NotBlank @Pattern(regexp = SHA256_PATTERN, message = "必须是64位小写十六进制的 SHA-256") String sha256) {
    }

    record CloseOffRequest(
            @NotNull LocalDate date,
            @Size(max = 5000) String summary,
            @Size(max = 500) List<@NotBlank String> evidenceIds) {
    }

    record ApproveCloseOffRequest(
            @NotNull LocalDate date,
            @Size(max = 5000) String comment,
            @Size(max = 500) List<@NotBlank String> evidenceIds) {
    }

    record ExtensionRequest(
            @NotNull LocalDate newDueDate,
            @NotNull LocalDate date,
            @NotBlank @Size(max = 2000) String reason,
            @NotBlank @Size(max = 200) String approver) {
    }

    record MeetingRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String meetingId,
            @NotNull MeetingKind kind,
            @NotNull LocalDate date,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 500) List<@NotBlank @Size(max = 100) String> attendees,
            @Size(max = 200) List<@NotNull @Valid ClaimRequest> claims,
            @Size(max = 20000) String summary) {
    }

    record ClaimRequest(
            @NotBlank @Size(max = 100) String leaderName,
            @Size(max = 64) String memberId,
            @NotBlank @Size(max = 5000) String problem,
            @Size(max = 50) List<@NotBlank String> findingIds) {
    }

    record AccountabilityRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String outcomeId,
            @NotNull AccountabilityKind kind,
            @NotNull LocalDate date,
            @Min(0) Integer count,
            @Size(max = 500) List<@NotBlank @Size(max = 100) String> persons,
            @Size(max = 50) List<@NotBlank String> findingIds,
            @Size(max = 5000) String description,
            Boolean personsNotCounted) {
    }

    /** 过程性指标: {@code meetingKind} only (and always) with {@code MEETINGS_HELD}. */
    record ProcessMetricRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String metricId,
            @NotNull ProcessMetricKind kind,
            MeetingKind meetingKind,
            @NotNull @Min(0) @Max(1_000_000) Integer count,
            @NotNull LocalDate date,
            @Size(max = 5000) String description) {
    }
}
