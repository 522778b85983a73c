package io.zhenggai.api.finance;

import io.zhenggai.api.finance.FinanceValues.*;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands of the finance-rules context. All of them go to the rule book (制度台账) of one unit
 * ({@code ruleBookId}), which holds the unit's regulations with all their versions, judges its expenses under
 * the versions in force on their dates, and keeps its violations and money outcomes: one aggregate, so a
 * judgement always sees one consistent set of versions (see ADR 0010). {@code expectedVersion} is the rule
 * book's version the caller last saw (HTTP If-Match), null for "whatever it is now". What must be given is declared
 * on the records and checked by Axon's {@code BeanValidationInterceptor} before dispatch (ADR 0046); the rule book
 * keeps the rules that depend on its state.
 */
public final class FinanceCommands {
    private FinanceCommands() {
    }

    /** 制定制度: a new regulation with its first version. An effective date in the past needs a backdating reason. */
    public record EnactRegulationCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String unit,
            @NotBlank String regulationId,
            @NotBlank String title,
            @NotNull RegulationArea area,
            String documentNumber,
            @NotNull LocalDate effectiveFrom,
            String summary,
            String backdatingReason,
            List<ExpenseRule> rules,
            List<AnswerLink> answers,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** 修订制度: a new version, in force from {@code effectiveFrom} (after the current version's start). */
    public record ReviseRegulationCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String regulationId,
            String documentNumber,
            @NotNull LocalDate effectiveFrom,
            @NotBlank String changeSummary,
            String backdatingReason,
            List<ExpenseRule> rules,
            List<AnswerLink> answers,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** 废止制度: no version is in force from {@code effectiveFrom} on. */
    public record RepealRegulationCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String regulationId,
            @NotNull LocalDate effectiveFrom,
            @NotBlank String reason,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Links a regulation ({@code versionNumber} null) or one of its versions to a finding or rectification item it answers. */
    public record LinkRegulationCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String regulationId,
            Integer versionNumber,
            AnswerLink link,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Records an expense of the unit; it is judged at once under the rule versions in force on its date. */
    public record RecordExpenseCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String unit,
            @NotBlank String expenseId,
            LocalDate date,
            BigDecimal amount,
            @NotNull ExpenseCategory category,
            String payee,
            String description,
            @PositiveOrZero Integer guests,
            @PositiveOrZero Integer staff,
            List<DocumentRef> documents,
            List<Approval> approvals,
            List<ExpenseItem> items,
            String procedure) {
    }

    /**
     * What-if: judges a recorded expense again under the versions in force on {@code asOf} (today when null).
     * Recorded, but it changes no verdict and opens no violation.
     */
    public record RecheckExpenseCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String expenseId,
            @NotBlank String recheckId,
            LocalDate asOf) {
    }

    /** Hands a violation over to the rectification of an inspection. */
    public record EscalateViolationCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String violationId,
            @NotBlank String inspectionId,
            String findingId,
            String description,
            LocalDate date,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Closes a violation; with {@code MONEY_RETURNED} the amount returned is recorded as a money outcome. */
    public record ResolveViolationCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String violationId,
            @NotNull ViolationResolution resolution,
            LocalDate date,
            String note,
            BigDecimal amountReturned,
            MoneyOutcomeKind moneyKind,
            String outcomeId,
            @TargetAggregateVersion Long expectedVersion) {
    }

    /** Records money recovered, refunded or retrieved for the unit (optionally for an inspection and a violation). */
    public record RecordMoneyOutcomeCommand(
            @TargetAggregateIdentifier String ruleBookId,
            String unit,
            @NotBlank String outcomeId,
            @NotNull MoneyOutcomeKind kind,
            BigDecimal amount,
            LocalDate date,
            String inspectionId,
            String violationId,
            RegulationArea area,
            String description) {
    }

    /** What judging an expense (or re-checking it) returned to the caller. */
    public record CheckOutcome(
            long version,
            String expenseId,
            String checkId,
            LocalDate rulesAsOf,
            Verdict verdict,
            List<AppliedVersion> appliedVersions,
            List<Breach> breaches) {
    }
}
