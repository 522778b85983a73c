package io.zhenggai.api.rectification;

import io.zhenggai.api.inspection.InspectionKind;

import io.zhenggai.api.rectification.RectificationEvents.EvidenceRef;
import io.zhenggai.api.rectification.RectificationEvents.ProblemClaim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Queries answered by the rectification context, and their typed results. Warning levels and totals are computed
 * at query time from the read model, for the given {@code today} and {@code warningDays}, so they can be
 * recomputed for another day or threshold; nothing is typed in by hand.
 */
public final class RectificationQueries {
    private RectificationQueries() {
    }

    /** Item filters of the ledger; null means "any". */
    public record LedgerFilter(
            List<ItemStatus> statuses,
            CloseOffState closeOff,
            String department,
            String leader,
            WarningLevel warningLevel) {

        public static LedgerFilter none() {
            return new LedgerFilter(null, null, null, null, null);
        }

        public boolean isEmpty() {
            return (statuses == null || statuses.isEmpty()) && closeOff == null && department == null && leader == null
                    && warningLevel == null;
        }
    }

    /**
     * 整改台账 of one rectification; null when there is none. {@code today}: the date warnings are computed for; null
     * means the rectification's as-of date when it is carried as history, else today.
     */
    public record FindLedgerQuery(String rectificationId, LedgerFilter filter, LocalDate today, int warningDays) {
    }

    /**
     * 整改台账 as it stood at {@code until}: folded from the rectification's own events recorded at or before that
     * instant, by the same handlers as the read model (never from a stored copy); null when the rectification did not
     * exist then. {@code today} as in {@link FindLedgerQuery} (a reader of the past passes the date it asks about).
     */
    public record FindLedgerAsOfQuery(String rectificationId, java.time.Instant until, LedgerFilter filter, LocalDate today,
                                      int warningDays) {
    }

    /** One item with its full history; null when the rectification or item does not exist. {@code today} as above. */
    public record FindItemQuery(String rectificationId, String itemId, LocalDate today, int warningDays) {
    }

    /** Page {@code page} (0-based) of rectifications, most recently opened first; {@code today} as above, per rectification. */
    public record ListRectificationsQuery(int page, int size, LocalDate today, int warningDays) {
    }

    public record LedgerView(
            String rectificationId,
            String inspectionId,
            String roundId,
            String inspectingBody,
            String inspectedUnit,
            String mandate,
            List<String> legalBasis,
            LocalDate fieldworkStart,
            LocalDate fieldworkEnd,
            LocalDate feedbackDate,
            long version,
            Instant updatedAt,
            LocalDate today,
            int warningDays,
            LedgerFilter filter,
            OfficeView office,
            PlanView plan,
            List<MemberView> leadershipGroup,
            Totals totals,
            Totals filteredTotals,
            FindingTotals findingTotals,
            List<CategoryView> categories,
            List<MeetingView> meetings,
            AccountabilityView accountability,
            InspectionKind kind,
            String kindLabel,
            AsOfView asOf,
            ProcessMetricsView processMetrics) {
    }

    /** Carried as history: judged as of {@code date} unless a reader asks for another; null when not. */
    public record AsOfView(LocalDate date, String reason, String noticeId) {
    }

    public record OfficeView(String name, String hostDepartment) {
    }

    /** {@code status} DRAFT or ADOPTED. */
    public record PlanView(String status, String statusLabel, String title, String documentNumber, LocalDate adoptedDate,
                           int itemCount, int measureCount) {
    }

    public record MemberView(String memberId, String name, String position, LeadershipRole role, String roleLabel,
                             LocalDate appointedDate, LocalDate relievedDate, String reliefReason, boolean active) {
    }

    /**
     * Totals over items, from the one ledger arithmetic ({@code io.zhenggai.ledger.Ledger}): {@code completed} counts
     * items whose work is done (completed, long-term mechanism established, or closed off); the others are split by
     * status into {@code notStarted}, {@code inProgress}, {@code basicallyCompleted} and {@code notCompleted}, so these
     * five add up to {@code items}. {@code longTermMechanism}, {@code closedOff} and {@code closeOffRequested} are
     * counted besides; {@code overdue} are the items at warning level RED, {@code dueSoon} YELLOW.
     * {@code completionRate} is completed / items in percent, exact (up to 10 decimals when the division does not
     * end), null without items.
     */
    public record Totals(
            int items,
            int completed,
            int closedOff,
            int closeOffRequested,
            int inProgress,
            int basicallyCompleted,
            int notStarted,
            int notCompleted,
            int longTermMechanism,
            int overdue,
            int dueSoon,
            BigDecimal completionRate) {
    }

    /**
     * Totals over findings, as notices state them ("共反馈问题25个，已完成19个，正在整改6个，完成率76%"): one count
     * per finding status (derived from the finding's items), so they add up to {@code findings}; supplementary
     * findings (补充问题) count like the others and {@code supplementary} tells how many there are.
     * {@code completionRate}: completed / findings in percent, exact, null without findings.
     */
    public record FindingTotals(int findings, int completed, int basicallyCompleted, int inProgress, int notStarted,
                                int notCompleted, int withoutItems, int supplementary, BigDecimal completionRate) {
    }

    public record CategoryView(String categoryId, int ordinal, String title, List<FindingView> findings) {
    }

    /**
     * {@code status}: NO_ITEMS, NOT_STARTED, IN_PROGRESS, BASICALLY_COMPLETED, NOT_COMPLETED or COMPLETED (derived from
     * its items by the ledger arithmetic). {@code source} tells
     * a finding delivered with the feedback ({@code INSPECTION}) from a supplementary one (public feedback, finance
     * violation), whose {@code sourceId} names the feedback or violation and {@code raisedDate} the date it was raised.
     */
    public record FindingView(
            String findingId,
            int ordinal,
            String title,
            String description,
            List<String> manifestations,
            int corrections,
            String lastCorrectionReason,
            String status,
            String statusLabel,
            List<ItemView> items,
            FindingSource source,
            String sourceLabel,
            String sourceId,
            LocalDate raisedDate) {
    }

    public record ItemView(
            String itemId,
            int ordinal,
            String title,
            ItemKind kind,
            String kindLabel,
            List<String> findingIds,
            ItemStatus status,
            String statusLabel,
            CloseOffState closeOff,
            String closeOffLabel,
            LocalDate closedOffDate,
            String responsibleLeaderId,
            String responsibleLeaderName,
            String responsibleDepartment,
            String handler,
            LocalDate originalDueDate,
            LocalDate currentDueDate,
            WarningLevel warningLevel,
            String warningLabel,
            Long daysRemaining,
            LocalDate overdueSince,
            List<MeasureView> measures,
            List<EvidenceView> evidence,
            List<ProgressView> progress,
            List<ExtensionView> extensions,
            List<ReviewView> closeOffHistory,
            List<ResponsibilityView> responsibilityHistory,
            List<ChangeView> changes) {
    }

    /** A measure: {@code label} is 一是, 二是 … by its place among the item's current measures. */
    public record MeasureView(String measureId, int ordinal, String label, String text, ItemStatus status,
                              String statusLabel) {
    }

    /** Evidence with the progress it came with, its business date and where to fetch its file. */
    public record EvidenceView(Evidence evidence, String progressId, String measureId, LocalDate businessDate,
                               String downloadPath) {
    }

    public record ProgressView(
            String progressId,
            String measureId,
            LocalDate businessDate,
            Instant recordedAt,
            String recordedBy,
            ItemStatus measureStatus,
            ItemStatus itemStatus,
            String text,
            List<String> evidenceIds) {
    }

    public record ExtensionView(int extension, LocalDate previousDueDate, LocalDate newDueDate, LocalDate businessDate,
                                String reason, String approver, Instant recordedAt, String recordedBy) {
    }

    /** One step of the close-off review: REQUESTED, APPROVED, RETURNED or REOPENED. */
    public record ReviewView(String action, String actionLabel, LocalDate businessDate, Instant recordedAt,
                             String recordedBy, String text, List<EvidenceRef> evidence) {
    }

    public record ResponsibilityView(String responsibleLeaderId, String responsibleLeaderName, String responsibleDepartment,
                                     String handler, String reason, Instant recordedAt, String recordedBy) {
    }

    /** A recorded change of the item or its measures after the plan's adoption (or in draft), with its reason. */
    public record ChangeView(String change, String measureId, String reason, Instant recordedAt, String recordedBy) {
    }

    public record MeetingView(String meetingId, MeetingKind kind, String kindLabel, LocalDate date, String title,
                              List<String> attendees, List<ProblemClaim> claims, String summary) {
    }

    /**
     * Counts per kind — only the kinds recorded (a recorded 0 is listed with 0, a kind nobody recorded is not listed) —
     * and the outcomes recorded.
     */
    public record AccountabilityView(List<AccountabilityCount> byKind, int total, List<OutcomeView> outcomes) {
    }

    /** {@code uncounted}: every outcome of the kind was stated without a number ({@code count} is then 0). */
    public record AccountabilityCount(AccountabilityKind kind, String label, int count, boolean uncounted) {
        public AccountabilityCount(AccountabilityKind kind, String label, int count) {
            this(kind, label, count, false);
        }
    }

    /** {@code personsNotCounted}: stated without a number ({@code count} is then 0). */
    public record OutcomeView(String outcomeId, AccountabilityKind kind, String kindLabel, LocalDate date, int count,
                              List<String> persons, List<String> findingIds, String description, boolean personsNotCounted) {
    }

    /**
     * A process metric summed by kind (and, for meetings, by meeting kind): {@code count} the sum of the counts
     * recorded, {@code records} how many records. Only kinds something was recorded for are listed (a recorded 0
     * is listed with 0). {@code label} is the kind's label, for meetings the meeting kind's (e.g. 组织生活会).
     */
    public record ProcessMetricCount(ProcessMetricKind kind, MeetingKind meetingKind, String label, int count, int records) {
    }

    /** 过程性指标: sums by kind ({@link ProcessMetricCount}) and the records, in date order. */
    public record ProcessMetricsView(List<ProcessMetricCount> byKind, List<ProcessMetricView> records) {
    }

    public record ProcessMetricView(String metricId, ProcessMetricKind kind, String kindLabel, MeetingKind meetingKind,
                                    String meetingKindLabel, int count, LocalDate date, String description) {
    }

    /**
     * Escalations (finance violations, public feedback) that named an inspection without an open rectification, so
     * nothing was recorded: most recent first. They are kept for staff to follow up by hand.
     */
    public record ListUnmatchedEscalationsQuery(String inspectionId) {
    }

    public record UnmatchedEscalation(FindingSource source, String sourceLabel, String sourceId, String inspectionId,
                                      String title, String reason, Instant receivedAt) {
    }

    public record RectificationSummary(
            String rectificationId,
            String inspectionId,
            String inspectingBody,
            String inspectedUnit,
            LocalDate feedbackDate,
            String planStatus,
            Totals totals,
            FindingTotals findingTotals,
            long version) {
    }

    public record RectificationPage(List<RectificationSummary> items, int page, int size, long total) {
    }
}
