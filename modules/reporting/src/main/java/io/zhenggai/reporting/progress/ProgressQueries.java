package io.zhenggai.reporting.progress;

import io.zhenggai.api.finance.FinanceValues.VersionKind;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.api.rectification.RectificationQueries.AccountabilityCount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Queries of the progress read model (整改进度) and their typed results. Everything is computed at query time from
 * the projected facts, for the given {@code today} (in the configured zone) and {@code warningDays}: warning levels,
 * totals, rates and the daily series. Nothing is typed in by hand.
 */
public final class ProgressQueries {
    private ProgressQueries() {
    }

    /**
     * The progress of one inspection; null when the read model knows no such inspection. {@code today} null: the
     * inspection's as-of date when its case is carried as history, else today.
     */
    public record FindInspectionProgressQuery(String inspectionId, LocalDate today, int warningDays, int nextDueLimit) {
    }

    /**
     * Page {@code page} (0-based) of inspections with their headline figures, newest first. {@code today} null: each
     * line is judged on its own as-of date (or today); the totals over all on today. {@code roundId} (null: all) keeps
     * only the inspections of that round, in the page and in the totals.
     */
    public record ListInspectionProgressQuery(int page, int size, LocalDate today, int warningDays, String roundId) {
    }

    // ---------------------------------------------------------------- results

    /**
     * Totals over the items of a rectification (or a group of them), from the one ledger arithmetic: {@code completed}:
     * work done (已完成, 已建立长效机制, or 已销号); the items not done by status: {@code notStarted} 未启动,
     * {@code inProgress} 正在推进, {@code basicallyCompleted} 基本完成, {@code notCompleted} 未完成 — these five add
     * up to {@code items}; {@code overdue}: warning RED; {@code dueSoon}: warning YELLOW; {@code completionRate}:
     * completed / items in percent, exact (up to 10 decimals when the division does not end), null without items.
     */
    public record Totals(
            int items,
            int completed,
            int inProgress,
            int notStarted,
            int closedOff,
            int closeOffRequested,
            int basicallyCompleted,
            int notCompleted,
            int longTermMechanism,
            int overdue,
            int dueSoon,
            BigDecimal completionRate) {
    }

    /** Items per status (every status listed, zero counts too). */
    public record StatusCount(ItemStatus status, String label, int count) {
    }

    /** Open (not done) items per warning level: GREEN on track, YELLOW due within the window, RED overdue. */
    public record WarningCount(WarningLevel level, String label, int count) {
    }

    /**
     * 反馈问题 per status (derived from the finding's items, as the ledger does): the counts add up to
     * {@code findings}; supplementary findings (补充问题) count too, {@code supplementary} says how many.
     */
    public record FindingTotals(int findings, int completed, int basicallyCompleted, int inProgress, int notStarted,
                                int notCompleted, int withoutItems, int supplementary, BigDecimal completionRate) {
    }

    /** A group of items (a category, a department, a leader) with its totals. */
    public record Breakdown(String key, String label, int ordinal, Totals totals) {
    }

    /** One item in a list of due or overdue items; {@code daysRemaining} is negative once overdue. */
    public record DueItem(
            String itemId,
            int ordinal,
            String title,
            ItemKind kind,
            String kindLabel,
            ItemStatus status,
            String statusLabel,
            String responsibleDepartment,
            String responsibleLeaderName,
            LocalDate originalDueDate,
            LocalDate currentDueDate,
            int extensions,
            long daysRemaining,
            WarningLevel warningLevel,
            String warningLabel,
            LocalDate overdueSince) {
    }

    /** One business date of the burn-down: items in the plan on that day, done and still open. */
    public record SeriesPoint(LocalDate date, int items, int completed, int open) {
    }

    public record RegulationRef(String regulationId, String title, RegulationArea area, String areaLabel, VersionKind kind,
                                String kindLabel) {
    }

    /** "健全完善制度N项（制定a项、修订b项）" from the finance events that name the inspection (or its findings/items). */
    public record RegulationTotals(int count, int enacted, int revised, String label, List<RegulationRef> items) {
    }

    /** Money per kind (every kind listed), in yuan and in 万元 (exact, and as text, e.g. "7.1325万元"). */
    public record MoneyKindTotal(MoneyOutcomeKind kind, String label, BigDecimal amount, BigDecimal amountWanYuan,
                                 String amountWanYuanText, int count) {
    }

    public record MoneyTotals(List<MoneyKindTotal> byKind, BigDecimal total, BigDecimal totalWanYuan, String totalWanYuanText) {
    }

    /**
     * 问责: persons per kind as the ledger sums them ({@code ledger.Accountability}: only the kinds recorded, a recorded 0
     * listed with 0, {@code uncounted} when a kind was stated only without a number), the total and the number of
     * records.
     */
    public record AccountabilityTotals(List<AccountabilityCount> byKind, int total, int records) {
    }

    public record MeetingKindCount(MeetingKind kind, String label, int count) {
    }

    public record MeetingRef(String meetingId, MeetingKind kind, String kindLabel, LocalDate date, String title, int claims) {
    }

    public record MeetingTotals(int count, List<MeetingKindCount> byKind, List<MeetingRef> items) {
    }

    /** The whole progress of one inspection. {@code planStatus}: NONE (no rectification yet), DRAFT or ADOPTED. */
    public record InspectionProgress(
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String status,
            String statusLabel,
            LocalDate fieldworkStart,
            LocalDate fieldworkEnd,
            LocalDate feedbackDate,
            String rectificationId,
            String officeName,
            String planStatus,
            String planStatusLabel,
            String planTitle,
            String planDocumentNumber,
            LocalDate planAdoptedDate,
            LocalDate today,
            int warningDays,
            Totals totals,
            FindingTotals findingTotals,
            List<StatusCount> byStatus,
            List<WarningCount> warnings,
            List<Breakdown> byCategory,
            List<Breakdown> byDepartment,
            List<Breakdown> byLeader,
            List<DueItem> nextDue,
            List<DueItem> overdue,
            List<SeriesPoint> series,
            RegulationTotals regulations,
            MoneyTotals money,
            AccountabilityTotals accountability,
            MeetingTotals meetings,
            InspectionKind kind,
            InspectionForm form,
            InspectionLevel level,
            InspectionKind.Terms terms,
            LocalDate asOfDate,
            List<ProcessMetricCount> processMetrics) {
    }

    /** One line of the overview. */
    public record InspectionSummary(
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String status,
            String statusLabel,
            LocalDate feedbackDate,
            String planStatus,
            String planStatusLabel,
            int findings,
            Totals totals,
            int regulations,
            BigDecimal moneyTotal,
            String moneyTotalWanYuanText,
            int accountability,
            int meetings,
            InspectionKind kind,
            InspectionKind.Terms terms,
            LocalDate asOfDate,
            LocalDate judgedOn) {
    }

    /**
     * The overview: the page of inspections and the totals over all inspections (not only this page); {@code terms}
     * are the words for inspections of either kind (each line has the words of its own kind).
     */
    public record ProgressOverview(
            LocalDate today,
            int warningDays,
            int inspections,
            int rectifications,
            Totals totals,
            List<InspectionSummary> items,
            int page,
            int size,
            long total,
            InspectionKind.Terms terms) {
    }
}
