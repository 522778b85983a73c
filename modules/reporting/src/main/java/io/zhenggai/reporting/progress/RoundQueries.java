package io.zhenggai.reporting.progress;

import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;
import io.zhenggai.reporting.progress.ProgressQueries.AccountabilityTotals;
import io.zhenggai.reporting.progress.ProgressQueries.FindingTotals;
import io.zhenggai.reporting.progress.ProgressQueries.MeetingKindCount;
import io.zhenggai.reporting.progress.ProgressQueries.MoneyTotals;
import io.zhenggai.reporting.progress.ProgressQueries.Totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Queries of a round (轮次) in the progress read model: one round of inspections, many units, totalled together.
 * Every figure of a round is the sum of its units' figures, each unit's folded through the ledger arithmetic
 * ({@code ItemCounts.sum}, {@code FindingCounts.sum}), so the round states what its units state, added up.
 */
public final class RoundQueries {
    private RoundQueries() {
    }

    /** The totals of a round with a row per unit; null when the read model knows no such round. */
    public record FindRoundTotalsQuery(String roundId, LocalDate today, int warningDays) {
    }

    /** The rounds the read model knows, with how many inspections each has. */
    public record ListRoundsProgressQuery() {
    }

    // ---------------------------------------------------------------- results

    /** 健全完善制度: regulations enacted (制定) and revised (修订), summed over the units. */
    public record RegulationCount(int count, int enacted, int revised) {
    }

    /**
     * A round's totals: {@code inspections} of the round, {@code rectifications} of them opened; findings and items
     * by every status with exact completion rates; regulations; meetings of record by kind; accountability by kind;
     * money by kind; process metrics by kind; and {@code units}, a row per inspection, whose figures add up to these.
     */
    public record RoundTotals(
            String roundId,
            String name,
            String organizer,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate today,
            int warningDays,
            int inspections,
            int rectifications,
            FindingTotals findingTotals,
            Totals totals,
            RegulationCount regulations,
            int meetingCount,
            List<MeetingKindCount> meetings,
            AccountabilityTotals accountability,
            MoneyTotals money,
            List<ProcessMetricCount> processMetrics,
            List<RoundUnit> units) {
    }

    /** One unit (inspection) of a round with its figures. */
    public record RoundUnit(
            String inspectionId,
            String inspectingBody,
            String inspectedUnit,
            String status,
            String statusLabel,
            LocalDate feedbackDate,
            String planStatus,
            String planStatusLabel,
            FindingTotals findingTotals,
            Totals totals,
            RegulationCount regulations,
            int meetingCount,
            int accountability,
            BigDecimal moneyTotal,
            String moneyTotalWanYuanText,
            List<ProcessMetricCount> processMetrics) {
    }

    public record RoundRef(String roundId, String name, LocalDate periodStart, LocalDate periodEnd, int inspections) {
    }

    public record RoundRefs(List<RoundRef> rounds) {
    }
}
