package io.zhenggai.api.finance;

import io.zhenggai.api.finance.FinanceValues.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Events of the finance-rules context: past-tense facts that carry everything a consumer needs.
 * A published event is never changed in place (add a new one or an upcaster, and write an ADR).
 */
public final class FinanceEvents {
    private FinanceEvents() {
    }

    /** 制度台账建立: the first fact recorded for a unit opens its rule book. */
    public record RuleBookOpenedEvent(String ruleBookId, String unit) {
    }

    /** 制定: a regulation and its first version (number 1). */
    public record RegulationEnactedEvent(
            String ruleBookId,
            String unit,
            String regulationId,
            String title,
            RegulationArea area,
            String versionId,
            int versionNumber,
            String documentNumber,
            LocalDate effectiveFrom,
            String summary,
            String backdatingReason,
            List<ExpenseRule> rules,
            List<AnswerLink> answers) {
    }

    /** 修订: a new version; the previous one is in force until the day before {@code effectiveFrom}. */
    public record RegulationRevisedEvent(
            String ruleBookId,
            String unit,
            String regulationId,
            String title,
            RegulationArea area,
            String versionId,
            int versionNumber,
            String previousVersionId,
            String documentNumber,
            LocalDate effectiveFrom,
            String changeSummary,
            String backdatingReason,
            List<ExpenseRule> rules,
            List<AnswerLink> answers) {
    }

    /** 废止: no version of the regulation is in force from {@code effectiveFrom} on. */
    public record RegulationRepealedEvent(
            String ruleBookId,
            String unit,
            String regulationId,
            String title,
            String lastVersionId,
            LocalDate effectiveFrom,
            String reason) {
    }

    /**
     * A regulation ({@code versionId} null) or a version was linked to what it answers.
     * {@code versionNumberAtLink} is the regulation's latest version number when linked.
     */
    public record RegulationLinkedEvent(
            String ruleBookId,
            String unit,
            String regulationId,
            String versionId,
            int versionNumberAtLink,
            AnswerLink link) {
    }

    public record ExpenseRecordedEvent(
            String ruleBookId,
            String unit,
            String expenseId,
            LocalDate date,
            BigDecimal amount,
            ExpenseCategory category,
            String payee,
            String description,
            Integer guests,
            Integer staff,
            List<DocumentRef> documents,
            List<Approval> approvals,
            List<ExpenseItem> items,
            String procedure) {
    }

    /**
     * The binding verdict on an expense, under the versions in force on the expense's date (listed, so the
     * verdict can be reproduced). Each breach opens a violation with the breach's {@code violationId}.
     * Never re-judged: a later revision does not change it.
     */
    public record ExpenseCheckedEvent(
            String ruleBookId,
            String unit,
            String expenseId,
            String checkId,
            LocalDate expenseDate,
            BigDecimal amount,
            ExpenseCategory category,
            Verdict verdict,
            List<AppliedVersion> appliedVersions,
            List<Breach> breaches) {
    }

    /**
     * A what-if re-check of an expense under the versions in force on {@code rulesAsOf}. It changes no verdict
     * and opens no violation; {@code bindingVerdict} is the expense's verdict, which stands.
     */
    public record ExpenseRecheckedEvent(
            String ruleBookId,
            String unit,
            String expenseId,
            String recheckId,
            LocalDate expenseDate,
            LocalDate rulesAsOf,
            Verdict verdict,
            Verdict bindingVerdict,
            boolean differsFromBinding,
            List<AppliedVersion> appliedVersions,
            List<Breach> breaches) {
    }

    /**
     * A violation handed over to the rectification of an inspection: the rectification context turns it into
     * a rectification item. Carries everything needed without asking this context anything.
     * {@code amount} is the money at stake (see {@link Breach#amountAtStake()}).
     */
    public record ViolationEscalatedEvent(
            String ruleBookId,
            String unit,
            String violationId,
            String inspectionId,
            String findingId,
            String description,
            BigDecimal amount,
            LocalDate escalatedOn,
            String expenseId,
            LocalDate expenseDate,
            BigDecimal expenseAmount,
            ExpenseCategory category,
            String payee,
            String regulationId,
            String regulationTitle,
            String versionId,
            int versionNumber,
            RegulationArea area,
            String ruleType,
            String breachDescription) {
    }

    public record ViolationResolvedEvent(
            String ruleBookId,
            String unit,
            String violationId,
            ViolationResolution resolution,
            LocalDate resolvedOn,
            String note,
            BigDecimal amountReturned,
            MoneyOutcomeKind moneyKind,
            String moneyOutcomeId,
            String inspectionId) {
    }

    /** 追缴 / 清退 / 追回 / 挽回: money recorded for a unit, optionally for an inspection and a violation. */
    public record MoneyOutcomeRecordedEvent(
            String ruleBookId,
            String unit,
            String outcomeId,
            MoneyOutcomeKind kind,
            BigDecimal amount,
            LocalDate date,
            String inspectionId,
            String violationId,
            RegulationArea area,
            String description) {
    }
}
