package io.zhenggai.reporting.progress;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.ledger.FindingCounts;
import io.zhenggai.ledger.ItemCounts;
import io.zhenggai.ledger.Ledger;
import io.zhenggai.ledger.LedgerFinding;
import io.zhenggai.ledger.LedgerItem;
import io.zhenggai.ledger.WanYuan;
import io.zhenggai.reporting.progress.ProgressQueries.Breakdown;
import io.zhenggai.reporting.progress.ProgressQueries.DueItem;
import io.zhenggai.reporting.progress.ProgressQueries.FindingTotals;
import io.zhenggai.reporting.progress.ProgressQueries.SeriesPoint;
import io.zhenggai.reporting.progress.ProgressQueries.StatusCount;
import io.zhenggai.reporting.progress.ProgressQueries.Totals;
import io.zhenggai.reporting.progress.ProgressQueries.WarningCount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The arithmetic of the progress dashboard, free of any database: warning levels for a given day, totals, groupings,
 * due lists and the daily burn-down, all counted item by item ("一件一件落实、一条一条兑现"). What is done, warning
 * levels, totals, finding statuses and rates are the one ledger arithmetic's ({@link Ledger}), so the dashboard
 * states the same figures as the ledger and the notice.
 */
final class ProgressCalculator {

    private ProgressCalculator() {
    }

    /** An item as the read model holds it now. {@code sinceDate}: the business date from which it counts in the plan. */
    record ItemFact(
            String itemId,
            int ordinal,
            String title,
            ItemKind kind,
            List<String> findingIds,
            ItemStatus status,
            CloseOffState closeOff,
            LocalDate originalDueDate,
            LocalDate currentDueDate,
            int extensions,
            LocalDate overdueSince,
            String leaderId,
            String leaderName,
            String department,
            LocalDate sinceDate) {
    }

    /** A change of an item's done state on a business date ({@code seq} orders changes of the same day). */
    record Transition(String itemId, LocalDate date, long seq, boolean done) {
    }

    record CategoryFact(String categoryId, int ordinal, String title) {
    }

    /** {@code source} null: delivered with the feedback; otherwise a supplementary finding. */
    record FindingFact(String findingId, String categoryId, int ordinal, String title, FindingSource source) {
    }

    static final String NO_DEPARTMENT = "未明确责任部门";
    static final String NO_LEADER = "未明确责任领导";

    static boolean done(ItemFact item) {
        return Ledger.done(item.status(), item.closeOff());
    }

    static WarningLevel warning(ItemFact item, LocalDate today, int warningDays) {
        return Ledger.warningLevel(ledgerItem(item), today, warningDays);
    }

    /** The item as the ledger arithmetic reads it. */
    static LedgerItem ledgerItem(ItemFact item) {
        return new LedgerItem(item.itemId(), item.kind(), item.status(), item.closeOff(), item.currentDueDate(),
                item.findingIds());
    }

    static Totals totals(List<ItemFact> items, LocalDate today, int warningDays) {
        return totals(Ledger.itemCounts(items.stream().map(ProgressCalculator::ledgerItem).toList(), today, warningDays));
    }

    static Totals totals(ItemCounts c) {
        return new Totals(c.items(), c.completed(), c.inProgress(), c.notStarted(), c.closedOff(), c.closeOffRequested(),
                c.basicallyCompleted(), c.notCompleted(), c.longTermMechanism(), c.overdue(), c.dueSoon(),
                c.completionRate());
    }

    static List<StatusCount> byStatus(List<ItemFact> items) {
        return Arrays.stream(ItemStatus.values())
                .map(status -> new StatusCount(status, status.label(),
                        (int) items.stream().filter(i -> i.status() == status).count()))
                .toList();
    }

    /** Open (not done) items per warning level. */
    static List<WarningCount> warnings(List<ItemFact> items, LocalDate today, int warningDays) {
        Map<WarningLevel, Integer> counts = new LinkedHashMap<>();
        for (WarningLevel level : WarningLevel.values()) {
            counts.put(level, 0);
        }
        items.stream().filter(i -> !done(i)).forEach(i -> counts.merge(warning(i, today, warningDays), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new WarningCount(e.getKey(), e.getKey().label(), e.getValue())).toList();
    }

    static FindingTotals findingTotals(List<FindingFact> findings, List<ItemFact> items) {
        return findingTotals(findingCounts(findings, items));
    }

    /** The ledger arithmetic's item totals, to be summed ({@link ItemCounts#sum}) over the units of a round. */
    static ItemCounts itemCounts(List<ItemFact> items, LocalDate today, int warningDays) {
        return Ledger.itemCounts(items.stream().map(ProgressCalculator::ledgerItem).toList(), today, warningDays);
    }

    /** The ledger arithmetic's finding totals, to be summed ({@link FindingCounts#sum}) over the units of a round. */
    static FindingCounts findingCounts(List<FindingFact> findings, List<ItemFact> items) {
        return Ledger.findingCounts(
                findings.stream().map(f -> new LedgerFinding(f.findingId(), f.categoryId(), f.source())).toList(),
                items.stream().map(ProgressCalculator::ledgerItem).toList());
    }

    static FindingTotals findingTotals(FindingCounts c) {
        return new FindingTotals(c.findings(), c.completed(), c.basicallyCompleted(), c.inProgress(), c.notStarted(),
                c.notCompleted(), c.withoutItems(), c.supplementary(), c.completionRate());
    }

    /**
     * Per category (方面): the items serving at least one of its findings. An item serving findings of two categories
     * counts in both, so the categories may add up to more than the total.
     */
    static List<Breakdown> byCategory(List<CategoryFact> categories, List<FindingFact> findings, List<ItemFact> items,
                                      LocalDate today, int warningDays) {
        Map<String, String> categoryOfFinding = new HashMap<>();
        findings.forEach(f -> categoryOfFinding.put(f.findingId(), f.categoryId()));
        return categories.stream()
                .sorted(Comparator.comparingInt(CategoryFact::ordinal))
                .map(c -> new Breakdown(c.categoryId(), c.title(), c.ordinal(), totals(items.stream()
                        .filter(i -> i.findingIds().stream().anyMatch(f -> c.categoryId().equals(categoryOfFinding.get(f))))
                        .toList(), today, warningDays)))
                .toList();
    }

    static List<Breakdown> byDepartment(List<ItemFact> items, LocalDate today, int warningDays) {
        return group(items, i -> i.department() == null ? NO_DEPARTMENT : i.department(),
                i -> i.department() == null ? NO_DEPARTMENT : i.department(), today, warningDays);
    }

    static List<Breakdown> byLeader(List<ItemFact> items, LocalDate today, int warningDays) {
        return group(items, i -> i.leaderId() == null ? NO_LEADER : i.leaderId(),
                i -> i.leaderName() == null ? NO_LEADER : i.leaderName(), today, warningDays);
    }

    /** Groups in the order of their first item (by item ordinal). */
    private static List<Breakdown> group(List<ItemFact> items, Function<ItemFact, String> key, Function<ItemFact, String> label,
                                         LocalDate today, int warningDays) {
        Map<String, List<ItemFact>> groups = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        items.stream().sorted(Comparator.comparingInt(ItemFact::ordinal)).forEach(i -> {
            groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i);
            labels.putIfAbsent(key.apply(i), label.apply(i));
        });
        List<Breakdown> result = new ArrayList<>();
        int ordinal = 0;
        for (Map.Entry<String, List<ItemFact>> e : groups.entrySet()) {
            result.add(new Breakdown(e.getKey(), labels.get(e.getKey()), ++ordinal, totals(e.getValue(), today, warningDays)));
        }
        return result;
    }

    /** Open items due today or later, soonest first (ongoing items have no due date). */
    static List<DueItem> nextDue(List<ItemFact> items, LocalDate today, int warningDays, int limit) {
        return items.stream()
                .filter(i -> !done(i) && i.kind() != ItemKind.ONGOING && i.currentDueDate() != null
                        && !today.isAfter(i.currentDueDate()))
                .sorted(Comparator.comparing(ItemFact::currentDueDate).thenComparingInt(ItemFact::ordinal))
                .limit(limit)
                .map(i -> dueItem(i, today, warningDays))
                .toList();
    }

    /** Items at warning RED, longest overdue first. */
    static List<DueItem> overdue(List<ItemFact> items, LocalDate today, int warningDays) {
        return items.stream()
                .filter(i -> warning(i, today, warningDays) == WarningLevel.RED)
                .sorted(Comparator.comparing(ItemFact::currentDueDate).thenComparingInt(ItemFact::ordinal))
                .map(i -> dueItem(i, today, warningDays))
                .toList();
    }

    static DueItem dueItem(ItemFact i, LocalDate today, int warningDays) {
        WarningLevel level = warning(i, today, warningDays);
        return new DueItem(i.itemId(), i.ordinal(), i.title(), i.kind(), i.kind().label(), i.status(), i.status().label(),
                i.department(), i.leaderName(), i.originalDueDate(), i.currentDueDate(), i.extensions(),
                ChronoUnit.DAYS.between(today, i.currentDueDate()), level, level.label(), i.overdueSince());
    }

    /**
     * The daily burn-down from {@code start} to {@code today} (inclusive): per business date, the items in the plan
     * ({@code sinceDate} on or before it), those done as of that date (their last transition up to that date, in
     * business-date order, says done) and those still open. Empty when {@code start} is null or after today.
     */
    static List<SeriesPoint> series(List<ItemFact> items, List<Transition> transitions, LocalDate start, LocalDate today) {
        if (start == null || start.isAfter(today)) {
            return List.of();
        }
        Map<String, List<Transition>> byItem = new HashMap<>();
        transitions.stream()
                .sorted(Comparator.comparing(Transition::date).thenComparingLong(Transition::seq))
                .forEach(t -> byItem.computeIfAbsent(t.itemId(), k -> new ArrayList<>()).add(t));
        List<ItemFact> tracked = items.stream().filter(i -> i.sinceDate() != null).toList();
        int[] cursor = new int[tracked.size()];
        boolean[] state = new boolean[tracked.size()];
        List<SeriesPoint> points = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            int inPlan = 0, completed = 0;
            for (int k = 0; k < tracked.size(); k++) {
                ItemFact item = tracked.get(k);
                List<Transition> changes = byItem.getOrDefault(item.itemId(), List.of());
                while (cursor[k] < changes.size() && !changes.get(cursor[k]).date().isAfter(d)) {
                    state[k] = changes.get(cursor[k]).done();
                    cursor[k]++;
                }
                if (!item.sinceDate().isAfter(d)) {
                    inPlan++;
                    if (state[k]) {
                        completed++;
                    }
                }
            }
            points.add(new SeriesPoint(d, inPlan, completed, inPlan - completed));
        }
        return points;
    }

    /** The first day of the series: the feedback date, or an earlier date an item counts from. */
    static LocalDate seriesStart(LocalDate feedbackDate, List<ItemFact> items) {
        return items.stream().map(ItemFact::sinceDate).filter(Objects::nonNull)
                .reduce(feedbackDate, (a, b) -> a == null || b.isBefore(a) ? b : a);
    }

    static BigDecimal rate(int part, int whole) {
        return Ledger.rate(part, whole);
    }

    /** Yuan in 万元, exact ({@link WanYuan}). */
    static BigDecimal wanYuan(BigDecimal yuan) {
        return WanYuan.of(yuan);
    }

    /** e.g. "7.1325万元", exact ({@link WanYuan}). */
    static String wanYuanText(BigDecimal yuan) {
        return WanYuan.text(yuan);
    }
}
