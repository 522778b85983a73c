package io.zhenggai.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * Totals over items. {@code completed} counts the items whose work is done ({@link Ledger#done}); the items not done
 * are split by status into {@code notStarted}, {@code inProgress}, {@code basicallyCompleted} and
 * {@code notCompleted}, so {@code items = completed + notStarted + inProgress + basicallyCompleted + notCompleted}.
 * {@code longTermMechanism} (长效机制已建立), {@code closedOff} and {@code closeOffRequested} are counted besides;
 * {@code overdue} and {@code dueSoon} are the items at warning RED and YELLOW. {@code completionRate} is
 * completed / items in percent, exact ({@link Ledger#rate}), null without items.
 */
public record ItemCounts(
        int items,
        int completed,
        int notStarted,
        int inProgress,
        int basicallyCompleted,
        int notCompleted,
        int longTermMechanism,
        int closedOff,
        int closeOffRequested,
        int overdue,
        int dueSoon,
        BigDecimal completionRate) {

    public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

    /** The counts of both; the rate is recomputed from the sums. */
    public ItemCounts plus(ItemCounts o) {
        int all = items + o.items;
        int done = completed + o.completed;
        return new ItemCounts(all, done, notStarted + o.notStarted, inProgress + o.inProgress,
                basicallyCompleted + o.basicallyCompleted, notCompleted + o.notCompleted,
                longTermMechanism + o.longTermMechanism, closedOff + o.closedOff, closeOffRequested + o.closeOffRequested,
                overdue + o.overdue, dueSoon + o.dueSoon, Ledger.rate(done, all));
    }

    public static ItemCounts sum(List<ItemCounts> all) {
        return all.stream().reduce(NONE, ItemCounts::plus);
    }
}
