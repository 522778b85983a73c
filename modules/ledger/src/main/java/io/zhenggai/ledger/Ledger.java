package io.zhenggai.ledger;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.WarningLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger arithmetic (台账口径), counted item by item ("一件一件落实、一条一条兑现"), never typed in. Every reader
 * — the ledger, the dashboard, the notice, the round totals — asks here, so they cannot disagree:
 * <ul>
 *   <li>an item is <b>done</b> when it is completed (已完成), has its long-term mechanism established
 *       (已建立长效机制) or is closed off (已销号);</li>
 *   <li>its <b>warning</b> on a day: GREEN when done, ongoing (长期坚持) or without a due date; RED past its current
 *       due date; YELLOW when due within {@code warningDays}; GREEN otherwise;</li>
 *   <li>a <b>finding's status</b> from the items serving it ({@link #findingStatus});</li>
 *   <li><b>totals</b> partition the items and the findings ({@link ItemCounts}, {@link FindingCounts});</li>
 *   <li><b>rates</b> in percent, exact ({@link #rate}); the text rounds them as the unit asks
 *       ({@link io.zhenggai.api.publication.RateStyle}).</li>
 * </ul>
 */
public final class Ledger {
    private Ledger() {
    }

    /** Decimals of a rate whose division does not end (1/3 → 33.3333333333). */
    public static final int RATE_SCALE = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Whether an item's work is done: completed, long-term mechanism established, or closed off. */
    public static boolean done(ItemStatus status, CloseOffState closeOff) {
        return (status != null && status.done()) || closeOff == CloseOffState.CLOSED_OFF;
    }

    public static boolean done(LedgerItem item) {
        return done(item.status(), item.closeOff());
    }

    /** The warning of an item on {@code today}: RED past its current due date, YELLOW within {@code warningDays}. */
    public static WarningLevel warningLevel(LedgerItem item, LocalDate today, int warningDays) {
        if (done(item) || item.dueDate() == null || item.kind() == ItemKind.ONGOING) {
            return WarningLevel.GREEN;
        }
        if (today.isAfter(item.dueDate())) {
            return WarningLevel.RED;
        }
        return today.plusDays(warningDays).isBefore(item.dueDate()) ? WarningLevel.GREEN : WarningLevel.YELLOW;
    }

    /** Totals over {@code items} without warnings ({@code overdue} and {@code dueSoon} 0): for a reader without a day. */
    public static ItemCounts itemCounts(Collection<LedgerItem> items) {
        return itemCounts(items, null, 0);
    }

    /** Totals over {@code items} (a whole ledger, or a group of it) on {@code today} (null: no warnings counted). */
    public static ItemCounts itemCounts(Collection<LedgerItem> items, LocalDate today, int warningDays) {
        int completed = 0, notStarted = 0, inProgress = 0, basically = 0, notCompleted = 0, longTerm = 0, closedOff = 0,
                requested = 0, overdue = 0, dueSoon = 0;
        for (LedgerItem item : items) {
            if (done(item)) {
                completed++;
            } else {
                switch (item.status()) {
                    case NOT_STARTED -> notStarted++;
                    case BASICALLY_COMPLETED -> basically++;
                    case NOT_COMPLETED -> notCompleted++;
                    // IN_PROGRESS, and (never reached: they are done) COMPLETED / LONG_TERM_MECHANISM_ESTABLISHED
                    default -> inProgress++;
                }
            }
            if (item.status() == ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED) {
                longTerm++;
            }
            if (item.closeOff() == CloseOffState.CLOSED_OFF) {
                closedOff++;
            } else if (item.closeOff() == CloseOffState.REQUESTED) {
                requested++;
            }
            switch (today == null ? WarningLevel.GREEN : warningLevel(item, today, warningDays)) {
                case RED -> overdue++;
                case YELLOW -> dueSoon++;
                case GREEN -> {
                }
            }
        }
        return new ItemCounts(items.size(), completed, notStarted, inProgress, basically, notCompleted, longTerm, closedOff,
                requested, overdue, dueSoon, rate(completed, items.size()));
    }

    /**
     * A finding's status from the items serving it: {@link FindingStatus#NO_ITEMS} without any;
     * {@link FindingStatus#COMPLETED} when all are done; {@link FindingStatus#NOT_COMPLETED} when any (not done) is
     * 未完成; {@link FindingStatus#BASICALLY_COMPLETED} when all are done or 基本完成; {@link FindingStatus#NOT_STARTED}
     * when all are not started; {@link FindingStatus#IN_PROGRESS} otherwise.
     */
    public static FindingStatus findingStatus(Collection<LedgerItem> serving) {
        if (serving.isEmpty()) {
            return FindingStatus.NO_ITEMS;
        }
        boolean allDone = true, allDoneOrBasically = true, allNotStarted = true, anyNotCompleted = false;
        for (LedgerItem item : serving) {
            boolean done = done(item);
            allDone &= done;
            allDoneOrBasically &= done || item.status() == ItemStatus.BASICALLY_COMPLETED;
            allNotStarted &= !done && item.status() == ItemStatus.NOT_STARTED;
            anyNotCompleted |= !done && item.status() == ItemStatus.NOT_COMPLETED;
        }
        if (allDone) {
            return FindingStatus.COMPLETED;
        }
        if (anyNotCompleted) {
            return FindingStatus.NOT_COMPLETED;
        }
        if (allDoneOrBasically) {
            return FindingStatus.BASICALLY_COMPLETED;
        }
        return allNotStarted ? FindingStatus.NOT_STARTED : FindingStatus.IN_PROGRESS;
    }

    /** The status of {@code finding} among {@code items} (those serving it decide). */
    public static FindingStatus findingStatus(LedgerFinding finding, Collection<LedgerItem> items) {
        return findingStatus(serving(finding.findingId(), items));
    }

    /** The items serving a finding. */
    public static List<LedgerItem> serving(String findingId, Collection<LedgerItem> items) {
        return items.stream().filter(i -> i.findingIds().contains(findingId)).toList();
    }

    /** Totals over {@code findings}, their status decided by {@code items}. */
    public static FindingCounts findingCounts(Collection<LedgerFinding> findings, Collection<LedgerItem> items) {
        Map<String, List<LedgerItem>> byFinding = new HashMap<>();
        for (LedgerItem item : items) {
            for (String findingId : item.findingIds()) {
                byFinding.computeIfAbsent(findingId, k -> new ArrayList<>()).add(item);
            }
        }
        int[] counts = new int[FindingStatus.values().length];
        int supplementary = 0;
        for (LedgerFinding f : findings) {
            counts[findingStatus(byFinding.getOrDefault(f.findingId(), List.of())).ordinal()]++;
            if (f.supplementary()) {
                supplementary++;
            }
        }
        int completed = counts[FindingStatus.COMPLETED.ordinal()];
        return new FindingCounts(findings.size(), completed, counts[FindingStatus.BASICALLY_COMPLETED.ordinal()],
                counts[FindingStatus.IN_PROGRESS.ordinal()], counts[FindingStatus.NOT_STARTED.ordinal()],
                counts[FindingStatus.NOT_COMPLETED.ordinal()], counts[FindingStatus.NO_ITEMS.ordinal()], supplementary,
                rate(completed, findings.size()));
    }

    /**
     * {@code part} of {@code whole} in percent: exact when the division ends (19/25 → 76, 1/8 → 12.5), otherwise to
     * {@value #RATE_SCALE} decimals (1/3 → 33.3333333333); no trailing zeros; null when {@code whole} is 0.
     */
    public static BigDecimal rate(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        BigDecimal r = BigDecimal.valueOf(part).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
