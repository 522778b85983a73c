package io.zhenggai.rectification.query;

import io.zhenggai.api.inspection.InspectionKind;

import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationEvents.AccountabilityRecordedEvent;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.rectification.query.LedgerDocument.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a {@link LedgerDocument} into the views of the API. Everything computed lives here and only here:
 * warning levels (for a given today and threshold), labels, finding statuses and totals — counted item by item,
 * never typed in.
 */
final class LedgerViews {

    private LedgerViews() {
    }

    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** The warning of an item on {@code today}: RED past its current due date, YELLOW within {@code warningDays}. */
    static WarningLevel warningLevel(ItemDoc item, LocalDate today, int warningDays) {
        if (done(item) || item.currentDueDate == null || item.kind == ItemKind.ONGOING) {
            return WarningLevel.GREEN;
        }
        if (today.isAfter(item.currentDueDate)) {
            return WarningLevel.RED;
        }
        return today.plusDays(warningDays).isBefore(item.currentDueDate) ? WarningLevel.GREEN : WarningLevel.YELLOW;
    }

    /** Whether an item's work is done: completed, long-term mechanism established, or closed off. */
    static boolean done(ItemDoc item) {
        return item.status.done() || item.closeOff == CloseOffState.CLOSED_OFF;
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
                doc.asOfDate == null ? null : new AsOfView(doc.asOfDate, doc.asOfReason, doc.asOfNoticeId));
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
        int completed = 0, closedOff = 0, requested = 0, inProgress = 0, basically = 0, notStarted = 0, notCompleted = 0,
                longTerm = 0, overdue = 0, dueSoon = 0;
        for (ItemDoc item : items) {
            if (done(item)) {
                completed++;
            }
            if (item.closeOff == CloseOffState.CLOSED_OFF) {
                closedOff++;
            } else if (item.closeOff == CloseOffState.REQUESTED) {
                requested++;
            }
            switch (item.status) {
                case IN_PROGRESS -> inProgress++;
                case BASICALLY_COMPLETED -> basically++;
                case NOT_STARTED -> notStarted++;
                case NOT_COMPLETED -> notCompleted++;
                case LONG_TERM_MECHANISM_ESTABLISHED -> longTerm++;
                case COMPLETED -> {
                }
            }
            switch (warningLevel(item, today, warningDays)) {
                case RED -> overdue++;
                case YELLOW -> dueSoon++;
                case GREEN -> {
                }
            }
        }
        return new Totals(items.size(), completed, closedOff, requested, inProgress, basically, notStarted, notCompleted,
                longTerm, overdue, dueSoon, rate(completed, items.size()));
    }

    static FindingTotals findingTotals(LedgerDocument doc, List<ItemDoc> active) {
        int findings = 0, completed = 0, inProgress = 0, without = 0;
        for (CategoryDoc c : doc.categories) {
            for (FindingDoc f : c.findings) {
                findings++;
                switch (findingStatus(f, active)) {
                    case "COMPLETED" -> completed++;
                    case "NO_ITEMS" -> without++;
                    default -> inProgress++;
                }
            }
        }
        return new FindingTotals(findings, completed, inProgress, without, rate(completed, findings));
    }

    /** NO_ITEMS, NOT_STARTED, IN_PROGRESS or COMPLETED (every item serving it done). */
    static String findingStatus(FindingDoc finding, List<ItemDoc> active) {
        List<ItemDoc> serving = active.stream().filter(i -> i.findingIds.contains(finding.findingId)).toList();
        if (serving.isEmpty()) {
            return "NO_ITEMS";
        }
        if (serving.stream().allMatch(LedgerViews::done)) {
            return "COMPLETED";
        }
        if (serving.stream().allMatch(i -> i.status == ItemStatus.NOT_STARTED)) {
            return "NOT_STARTED";
        }
        return "IN_PROGRESS";
    }

    private static String findingStatusLabel(String status) {
        return switch (status) {
            case "NO_ITEMS" -> "尚无整改事项";
            case "NOT_STARTED" -> "未启动";
            case "COMPLETED" -> "已完成";
            default -> "正在整改";
        };
    }

    static BigDecimal rate(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static FindingView findingView(LedgerDocument doc, FindingDoc f, List<ItemDoc> active, Predicate<ItemDoc> matches,
                                           LocalDate today, int warningDays) {
        String status = findingStatus(f, active);
        List<ItemView> items = active.stream()
                .filter(i -> i.findingIds.contains(f.findingId))
                .filter(matches)
                .map(i -> itemView(doc, i, today, warningDays))
                .toList();
        FindingSource source = f.source == null ? FindingSource.INSPECTION : f.source;
        return new FindingView(f.findingId, f.ordinal, f.title, f.description, f.manifestations, f.corrections,
                f.lastCorrectionReason, status, findingStatusLabel(status), items, source, source.label(doc.kind), f.sourceId,
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

    static AccountabilityView accountability(LedgerDocument doc) {
        Map<AccountabilityKind, Integer> counts = new EnumMap<>(AccountabilityKind.class);
        for (AccountabilityKind k : AccountabilityKind.values()) {
            counts.put(k, 0);
        }
        for (AccountabilityRecordedEvent o : doc.outcomes) {
            counts.merge(o.kind(), o.count(), Integer::sum);
        }
        List<AccountabilityCount> byKind = counts.entrySet().stream()
                .map(e -> new AccountabilityCount(e.getKey(), e.getKey().label(), e.getValue())).toList();
        List<OutcomeView> outcomes = doc.outcomes.stream()
                .map(o -> new OutcomeView(o.outcomeId(), o.kind(), o.kind().label(), o.date(), o.count(), o.persons(),
                        o.findingIds(), o.description()))
                .toList();
        return new AccountabilityView(byKind, counts.values().stream().mapToInt(Integer::intValue).sum(), outcomes);
    }
}
