package io.zhenggai.rectification.query;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationEvents.AccountabilityRecordedEvent;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.ledger.FindingCounts;
import io.zhenggai.ledger.FindingStatus;
import io.zhenggai.ledger.ItemCounts;
import io.zhenggai.ledger.Ledger;
import io.zhenggai.ledger.LedgerFinding;
import io.zhenggai.ledger.LedgerItem;
import io.zhenggai.ledger.Accountability;
import io.zhenggai.ledger.ProcessMetrics;
import io.zhenggai.rectification.query.LedgerDocument.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a {@link LedgerDocument} into the views of the API: labels, filters and the figures, which come from the
 * one ledger arithmetic ({@link Ledger}: what is done, warning levels for a given today and threshold, finding
 * statuses, totals and rates) — counted item by item, never typed in.
 */
final class LedgerViews {

    private LedgerViews() {
    }

    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** The warning of an item on {@code today} (the ledger arithmetic decides). */
    static WarningLevel warningLevel(ItemDoc item, LocalDate today, int warningDays) {
        return Ledger.warningLevel(ledgerItem(item), today, warningDays);
    }

    /** Whether an item's work is done (the ledger arithmetic decides). */
    static boolean done(ItemDoc item) {
        return Ledger.done(item.status, item.closeOff);
    }

    /** The item as the ledger arithmetic reads it. */
    static LedgerItem ledgerItem(ItemDoc item) {
        return new LedgerItem(item.itemId, item.kind, item.status, item.closeOff, item.currentDueDate, item.findingIds);
    }

    /** 一是, 二是, …, 十是, 十一是, 二十是 … */
    static String measureLabel(int position) {
        return chineseNumber(position) + "是";
    }

    static String chineseNumber(int n) {
        if (n <= 0) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 100) {
            int tens = n / 10;
            int ones = n % 10;
            return (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[ones];
        }
        return String.valueOf(n);
    }

    static LedgerView ledger(LedgerDocument doc, long version, Instant updatedAt, LedgerFilter filter, LocalDate today,
                             int warningDays) {
        LedgerFilter f = filter == null ? LedgerFilter.none() : filter;
        List<ItemDoc> active = activeItems(doc);
        Predicate<ItemDoc> matches = item -> matches(item, f, today, warningDays);
        List<CategoryView> categories = doc.categories.stream()
                .sorted(Comparator.comparingInt(c -> c.ordinal))
                .map(c -> new CategoryView(c.categoryId, c.ordinal, c.title, c.findings.stream()
                        .sorted(Comparator.comparingInt(x -> x.ordinal))
                        .map(finding -> findingView(doc, finding, active, matches, today, warningDays))
                        .filter(view -> f.isEmpty() || !view.items().isEmpty())
                        .toList()))
                .filter(c -> f.isEmpty() || !c.findings().isEmpty())
                .toList();
        return new LedgerView(doc.rectificationId, doc.inspectionId, doc.roundId, doc.inspectingBody, doc.inspectedUnit,
                doc.mandate, doc.legalBasis, doc.fieldworkStart, doc.fieldworkEnd, doc.feedbackDate, version, updatedAt,
                today, warningDays, f, office(doc), plan(doc), group(doc),
                totals(active, today, warningDays), totals(active.stream().filter(matches).toList(), today, warningDays),
                findingTotals(doc, active), categories, meetings(doc), accountability(doc),
                InspectionKind.orDefault(doc.kind), InspectionKind.orDefault(doc.kind).label(),
                doc.asOfDate == null ? null : new AsOfView(doc.asOfDate, doc.asOfReason, doc.asOfNoticeId),
                processMetrics(doc));
    }

    static RectificationSummary summary(LedgerDocument doc, long version, LocalDate today, int warningDays) {
        List<ItemDoc> active = activeItems(doc);
        return new RectificationSummary(doc.rectificationId, doc.inspectionId, doc.inspectingBody, doc.inspectedUnit,
                doc.feedbackDate, doc.planAdopted ? "ADOPTED" : "DRAFT", totals(active, today, warningDays),
                findingTotals(doc, active), version);
    }

    static List<ItemDoc> activeItems(LedgerDocument doc) {
        return doc.items.stream().filter(i -> !i.removed).sorted(Comparator.comparingInt(i -> i.ordinal)).toList();
    }

    static boolean matches(ItemDoc item, LedgerFilter f, LocalDate today, int warningDays) {
        return (f.statuses() == null || f.statuses().isEmpty() || f.statuses().contains(item.status))
                && (f.closeOff() == null || f.closeOff() == item.closeOff)
                && (f.department() == null || f.department().equals(item.department))
                && (f.leader() == null || f.leader().equals(item.leaderId) || f.leader().equals(item.leaderName))
                && (f.warningLevel() == null || f.warningLevel() == warningLevel(item, today, warningDays));
    }

    static Totals totals(List<ItemDoc> items, LocalDate today, int warningDays) {
        ItemCounts c = Ledger.itemCounts(items.stream().map(LedgerViews::ledgerItem).toList(), today, warningDays);
        return new Totals(c.items(), c.completed(), c.closedOff(), c.closeOffRequested(), c.inProgress(),
                c.basicallyCompleted(), c.notStarted(), c.notCompleted(), c.longTermMechanism(), c.overdue(), c.dueSoon(),
                c.completionRate());
    }

    /** Over every finding of the ledger, supplementary ones included. */
    static FindingTotals findingTotals(LedgerDocument doc, List<ItemDoc> active) {
        List<LedgerFinding> findings = doc.categories.stream().flatMap(c -> c.findings.stream())
                .map(f -> new LedgerFinding(f.findingId, f.categoryId, f.source)).toList();
        FindingCounts c = Ledger.findingCounts(findings, active.stream().map(LedgerViews::ledgerItem).toList());
        return new FindingTotals(c.findings(), c.completed(), c.basicallyCompleted(), c.inProgress(), c.notStarted(),
                c.notCompleted(), c.withoutItems(), c.supplementary(), c.completionRate());
    }

    static FindingStatus findingStatus(FindingDoc finding, List<ItemDoc> active) {
        return Ledger.findingStatus(active.stream().filter(i -> i.findingIds.contains(finding.findingId))
                .map(LedgerViews::ledgerItem).toList());
    }

    private static FindingView findingView(LedgerDocument doc, FindingDoc f, List<ItemDoc> active, Predicate<ItemDoc> matches,
                                           LocalDate today, int warningDays) {
        FindingStatus status = findingStatus(f, active);
        List<ItemView> items = active.stream()
                .filter(i -> i.findingIds.contains(f.findingId))
                .filter(matches)
                .map(i -> itemView(doc, i, today, warningDays))
                .toList();
        FindingSource source = f.source == null ? FindingSource.INSPECTION : f.source;
        return new FindingView(f.findingId, f.ordinal, f.title, f.description, f.manifestations, f.corrections,
                f.lastCorrectionReason, status.name(), status.label(), items, source, source.label(doc.kind), f.sourceId,
                f.raisedDate);
    }

    static ItemView itemView(LedgerDocument doc, ItemDoc i, LocalDate today, int warningDays) {
        WarningLevel warning = warningLevel(i, today, warningDays);
        List<MeasureDoc> measures = i.measures.stream().sorted(Comparator.comparingInt(m -> m.ordinal)).toList();
        List<MeasureView> measureViews = new java.util.ArrayList<>();
        for (int n = 0; n < measures.size(); n++) {
            MeasureDoc m = measures.get(n);
            measureViews.add(new MeasureView(m.measureId, m.ordinal, measureLabel(n + 1), m.text, m.status, m.status.label()));
        }
        List<EvidenceView> evidence = i.evidence.stream()
                .map(e -> new EvidenceView(e.evidence, e.progressId, e.measureId, e.businessDate,
                        e.evidence.file() == null ? null
                                : "/api/rectifications/" + doc.inspectionId + "/evidence-files/" + e.evidence.file().sha256()))
                .toList();
        return new ItemView(i.itemId, i.ordinal, i.title, i.kind, i.kind.label(), i.findingIds, i.status, i.status.label(),
                i.closeOff, i.closeOff.label(), i.closedOffDate, i.leaderId, i.leaderName, i.department, i.handler,
                i.originalDueDate, i.currentDueDate, warning, warning.label(),
                i.currentDueDate == null ? null : ChronoUnit.DAYS.between(today, i.currentDueDate), i.overdueSince,
                measureViews, evidence, i.progress, i.extensions, i.reviews, i.responsibility, i.changes);
    }

    static OfficeView office(LedgerDocument doc) {
        return doc.officeName == null ? null : new OfficeView(doc.officeName, doc.officeHost);
    }

    static PlanView plan(LedgerDocument doc) {
        List<ItemDoc> active = activeItems(doc);
        return new PlanView(doc.planAdopted ? "ADOPTED" : "DRAFT", doc.planAdopted ? "已通过" : "草案", doc.planTitle,
                doc.planDocumentNumber, doc.planAdoptedDate, active.size(), active.stream().mapToInt(i -> i.measures.size()).sum());
    }

    static List<MemberView> group(LedgerDocument doc) {
        return doc.members.stream()
                .sorted(Comparator.comparing((MemberDoc m) -> !m.active).thenComparing(m -> m.role.ordinal()))
                .map(m -> new MemberView(m.memberId, m.name, m.position, m.role, m.role.label(), m.appointedDate,
                        m.relievedDate, m.reliefReason, m.active))
                .toList();
    }

    static List<MeetingView> meetings(LedgerDocument doc) {
        return doc.meetings.stream()
                .sorted(Comparator.comparing(m -> m.date()))
                .map(m -> new MeetingView(m.meetingId(), m.kind(), m.kind().label(), m.date(), m.title(), m.attendees(),
                        m.claims(), m.summary()))
                .toList();
    }

    /** 问责情况: summed by kind through the ledger arithmetic ({@link Accountability}, only the kinds recorded), and the records. */
    static AccountabilityView accountability(LedgerDocument doc) {
        List<AccountabilityCount> byKind = Accountability.byKind(doc.outcomes.stream()
                .map(o -> new Accountability.Fact(o.kind(), o.count(), o.personsNotCounted())).toList());
        List<OutcomeView> outcomes = doc.outcomes.stream()
                .map(o -> new OutcomeView(o.outcomeId(), o.kind(), o.kind().label(), o.date(), o.count(), o.persons(),
                        o.findingIds(), o.description(), o.personsNotCounted()))
                .toList();
        return new AccountabilityView(byKind, Accountability.total(byKind), outcomes);
    }

    /** 过程性指标: summed by kind through the ledger arithmetic ({@link ProcessMetrics}), and the records by date. */
    static ProcessMetricsView processMetrics(LedgerDocument doc) {
        List<ProcessMetricCount> byKind = ProcessMetrics.byKind(doc.processMetrics.stream()
                .map(m -> new ProcessMetrics.Fact(m.kind(), m.meetingKind(), m.count())).toList());
        List<ProcessMetricView> records = doc.processMetrics.stream()
                .sorted(Comparator.comparing(m -> m.date()))
                .map(m -> new ProcessMetricView(m.metricId(), m.kind(), m.kind().label(), m.meetingKind(),
                        m.meetingKind() == null ? null : m.meetingKind().label(), m.count(), m.date(), m.description()))
                .toList();
        return new ProcessMetricsView(byKind, records);
    }
}
