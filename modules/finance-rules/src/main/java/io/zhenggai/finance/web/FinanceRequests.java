package io.zhenggai.finance.web;

import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.finance.FinanceValues.Approval;
import io.zhenggai.api.finance.FinanceValues.DocumentRef;
import io.zhenggai.api.finance.FinanceValues.ExpenseItem;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.ViolationResolution;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the finance-rules API. Bean Validation turns bad input into 400 problem details per field,
 * including inside rules ({@code rules[2].capPerPerson}) and lists ({@code items[0].amount}). Amounts are yuan:
 * positive, at most 2 decimals (send them as JSON numbers or strings; they are read exactly, never as floating point).
 */
final class FinanceRequests {
    private FinanceRequests() {
    }

    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String ID_MESSAGE = "只能包含字母、数字、点、下划线和连字符，最长64个字符";
    static final String POSITIVE = "必须大于0";
    static final String TWO_DECIMALS = "金额最多13位整数、2位小数";

    record EnactRegulationRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String regulationId,
            @NotBlank @Size(max = 200) String unit,
            @NotBlank @Size(max = 300) String title,
            @NotNull RegulationArea area,
            @Size(max = 200) String documentNumber,
            @NotNull LocalDate effectiveFrom,
            @Size(max = 5000) String summary,
            @Size(max = 2000) String backdatingReason,
            @Size(max = 50) List<@NotNull @Valid ExpenseRule> rules,
            @Size(max = 50) List<@NotNull @Valid AnswerLink> answers) {
    }

    record ReviseRegulationRequest(
            @Size(max = 200) String documentNumber,
            @NotNull LocalDate effectiveFrom,
            @NotBlank @Size(max = 5000) String changeSummary,
            @Size(max = 2000) String backdatingReason,
            @Size(max = 50) List<@NotNull @Valid ExpenseRule> rules,
            @Size(max = 50) List<@NotNull @Valid AnswerLink> answers) {
    }

    record RepealRegulationRequest(
            @NotNull LocalDate effectiveFrom,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record LinkRegulationRequest(
            @Min(1) @Max(10000) Integer versionNumber,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectionId,
            @Size(max = 64) String findingId,
            @Size(max = 64) String rectificationItemId) {
    }

    record RecordExpenseRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String expenseId,
            @NotBlank @Size(max = 200) String unit,
            @NotNull LocalDate date,
            @NotNull @DecimalMin(value = "0.01", message = POSITIVE) @Digits(integer = 13, fraction = 2, message = TWO_DECIMALS)
            BigDecimal amount,
            @NotNull ExpenseCategory category,
            @Size(max = 200) String payee,
            @Size(max = 5000) String description,
            @Min(0) @Max(100000) Integer guests,
            @Min(0) @Max(100000) Integer staff,
            @Size(max = 50) List<@NotNull @Valid DocumentRef> documents,
            @Size(max = 50) List<@NotNull @Valid Approval> approvals,
            @Size(max = 200) List<@NotNull @Valid ExpenseItem> items,
            @Size(max = 100) String procedure) {
    }

    record RecheckRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String recheckId,
            LocalDate asOf) {
    }

    record EscalateViolationRequest(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectionId,
            @Size(max = 64) String findingId,
            @Size(max = 5000) String description,
            LocalDate date) {
    }

    record ResolveViolationRequest(
            @NotNull ViolationResolution resolution,
            @NotNull LocalDate date,
            @Size(max = 5000) String note,
            @DecimalMin(value = "0.01", message = POSITIVE) @Digits(integer = 13, fraction = 2, message = TWO_DECIMALS)
            BigDecimal amountReturned,
            MoneyOutcomeKind moneyKind,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String outcomeId) {
    }

    record RecordMoneyOutcomeRequest(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String outcomeId,
            @NotBlank @Size(max = 200) String unit,
            @NotNull MoneyOutcomeKind kind,
            @NotNull @DecimalMin(value = "0.01", message = POSITIVE) @Digits(integer = 13, fraction = 2, message = TWO_DECIMALS)
            BigDecimal amount,
            @NotNull LocalDate date,
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectionId,
            @Size(max = 80) String violationId,
            RegulationArea area,
            @Size(max = 5000) String description) {
    }
}
