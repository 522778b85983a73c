package io.zhenggai.api.finance;

import io.zhenggai.api.finance.FinanceValues.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Queries answered by the finance-rules context, and their typed results. Filters are optional (null = any);
 * date ranges are inclusive business dates. Amounts are yuan (exact, 2 decimals) with the same amount in 万元
 * beside them ({@code …WanYuan}, exact, and {@code …WanYuanText} the same as text, e.g. "7.1325万元", never rounded).
 */
public final class FinanceQueries {
    private FinanceQueries() {
    }

    /** Which unit's rule book holds a regulation, expense, violation or money outcome ({@code kind}: those words). */
    public record FindRuleBookQuery(String kind, String id) {
    }

    public record RuleBookRef(String ruleBookId, String unit) {
    }

    // ---- regulations ----------------------------------------------------------------------------------------

    public record ListRegulationsQuery(String unit, RegulationArea area, String status) {
    }

    public record FindRegulationQuery(String regulationId) {
    }

    /** The regulation versions in force on {@code date} for {@code unit} (every unit when null). */
    public record FindRegulationsInForceQuery(String unit, LocalDate date, RegulationArea area) {
    }

    /** The regulations established or improved in answer to an inspection ("健全完善制度N项"). */
    public record FindInspectionRegulationsQuery(String inspectionId) {
    }

    public record RegulationSummary(
            String regulationId,
            String unit,
            String title,
            RegulationArea area,
            String areaLabel,
            String status,
            String statusLabel,
            int currentVersionNumber,
            LocalDate firstEffectiveFrom,
            LocalDate currentEffectiveFrom,
            LocalDate repealedFrom,
            long ruleBookVersion) {
    }

    public record RegulationList(List<RegulationSummary> items) {
    }

    public record VersionView(
            String versionId,
            int versionNumber,
            VersionKind kind,
            String kindLabel,
            String documentNumber,
            LocalDate effectiveFrom,
            LocalDate effectiveUntil,
            String summary,
            String backdatingReason,
            List<ExpenseRule> rules,
            Instant recordedAt) {
    }

    public record LinkView(String versionId, int versionNumberAtLink, String inspectionId, String findingId,
                           String rectificationItemId) {
    }

    public record RegulationView(
            String regulationId,
            String ruleBookId,
            String unit,
            String title,
            RegulationArea area,
            String areaLabel,
            String status,
            String statusLabel,
            LocalDate repealedFrom,
            String repealReason,
            long ruleBookVersion,
            List<VersionView> versions,
            List<LinkView> links) {
    }

    public record VersionInForce(
            String regulationId,
            String unit,
            String title,
            RegulationArea area,
            String areaLabel,
            String versionId,
            int versionNumber,
            LocalDate effectiveFrom,
            LocalDate effectiveUntil,
            List<ExpenseRule> rules) {
    }

    public record RegulationsInForce(String unit, LocalDate date, List<VersionInForce> items) {
    }

    public record InspectionRegulation(
            String regulationId,
            String unit,
            String title,
            RegulationArea area,
            String areaLabel,
            VersionKind kind,
            String kindLabel,
            List<String> versionIds,
            List<String> findingIds,
            List<String> rectificationItemIds) {
    }

    /** {@code label} e.g. "健全完善制度7项（制定2项、修订5项）", computed from {@code items}. */
    public record InspectionRegulations(
            String inspectionId,
            int count,
            int enactedCount,
            int revisedCount,
            String label,
            List<InspectionRegulation> items) {
    }

    // ---- expenses -------------------------------------------------------------------------------------------

    public record ListExpensesQuery(String unit, LocalDate from, LocalDate to, RegulationArea area,
                                    ExpenseCategory category, Verdict verdict, int page, int size) {
    }

    public record FindExpenseQuery(String expenseId) {
    }

    public record ExpenseSummary(
            String expenseId,
            String unit,
            LocalDate date,
            BigDecimal amount,
            ExpenseCategory category,
            String categoryLabel,
            RegulationArea area,
            String payee,
            Verdict verdict,
            String verdictLabel,
            int breachCount,
            Instant recordedAt) {
    }

    public record ExpensePage(List<ExpenseSummary> items, int page, int size, long total) {
    }

    public record RecheckView(
            String recheckId,
            LocalDate rulesAsOf,
            Verdict verdict,
            String verdictLabel,
            boolean differsFromBinding,
            List<AppliedVersion> appliedVersions,
            List<Breach> breaches,
            Instant recordedAt) {
    }

    public record ExpenseView(
            String expenseId,
            String ruleBookId,
            String unit,
            LocalDate date,
            BigDecimal amount,
            ExpenseCategory category,
            String categoryLabel,
            RegulationArea area,
            String payee,
            String description,
            Integer guests,
            Integer staff,
            List<DocumentRef> documents,
            List<Approval> approvals,
            List<ExpenseItem> items,
            String procedure,
            String checkId,
            Verdict verdict,
            String verdictLabel,
            List<AppliedVersion> appliedVersions,
            List<Breach> breaches,
            List<RecheckView> rechecks,
            Instant recordedAt) {
    }

    // ---- violations -----------------------------------------------------------------------------------------

    public record ListViolationsQuery(String unit, LocalDate from, LocalDate to, RegulationArea area,
                                      ViolationStatus status, String inspectionId) {
    }

    public record FindViolationQuery(String violationId) {
    }

    public record ViolationView(
            String violationId,
            String ruleBookId,
            String unit,
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
            String areaLabel,
            String ruleType,
            String ruleLabel,
            String description,
            BigDecimal excessAmount,
            Integer excessPersons,
            BigDecimal amountAtStake,
            ViolationStatus status,
            String statusLabel,
            String inspectionId,
            String findingId,
            LocalDate escalatedOn,
            String escalationDescription,
            ViolationResolution resolution,
            String resolutionLabel,
            LocalDate resolvedOn,
            String resolutionNote,
            BigDecimal amountReturned,
            Instant detectedAt) {
    }

    public record StatusCount(ViolationStatus status, String label, long count) {
    }

    /** The risk register: violations with their counts per status and the money at stake. */
    public record ViolationRegister(List<ViolationView> items, List<StatusCount> counts, BigDecimal amountAtStake) {
    }

    // ---- money ----------------------------------------------------------------------------------------------

    public record ListMoneyOutcomesQuery(String unit, LocalDate from, LocalDate to, RegulationArea area,
                                         String inspectionId, MoneyOutcomeKind kind) {
    }

    /** Totals per kind, grouped by {@code groupBy}: {@code UNIT}, {@code INSPECTION} or {@code ROUND}. */
    public record FindMoneyTotalsQuery(String groupBy, String unit, LocalDate from, LocalDate to, RegulationArea area,
                                       String inspectionId) {
    }

    public record MoneyOutcomeView(
            String outcomeId,
            String unit,
            MoneyOutcomeKind kind,
            String kindLabel,
            BigDecimal amount,
            BigDecimal amountWanYuan,
            LocalDate date,
            String inspectionId,
            String violationId,
            RegulationArea area,
            String description,
            Instant recordedAt) {
    }

    public record KindTotal(MoneyOutcomeKind kind, String label, BigDecimal amount, BigDecimal amountWanYuan,
                            String amountWanYuanText, long count) {
    }

    public record MoneyOutcomeList(List<MoneyOutcomeView> items, List<KindTotal> totals, BigDecimal total,
                                   BigDecimal totalWanYuan, String totalWanYuanText) {
    }

    /**
     * {@code key} is the unit, the inspection id or the round id ("" for outcomes recorded without an inspection, or,
     * by round, whose inspection is in no round).
     */
    public record MoneyTotalGroup(String key, List<KindTotal> totals, BigDecimal total, BigDecimal totalWanYuan,
                                  String totalWanYuanText) {
    }

    public record MoneyTotals(String groupBy, List<MoneyTotalGroup> groups, BigDecimal total, BigDecimal totalWanYuan,
                              String totalWanYuanText) {
    }
}
