package io.zhenggai.rectification.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * The arithmetic of an item's overdue deadline (pure): when it fires and under which name it is scheduled. An item
 * due on a date becomes overdue at the start of the next day in the clock's zone; an item entered long after its due
 * date (a historical case carried over) first gets {@link #RETROSPECTIVE_GRACE} to have its completion recorded.
 */
final class OverdueDeadlines {

    static final String PREFIX = "rectification-item-overdue:";
    /** A due date this far in the past when the item is entered means a record carried over from earlier. */
    static final Period RETROSPECTIVE_ENTRY = Period.ofDays(7);
    /** How long a carried-over record gets to have its completion entered before the item is flagged overdue. */
    static final Duration RETROSPECTIVE_GRACE = Duration.ofHours(24);

    private OverdueDeadlines() {
    }

    /** The instant an item due on {@code dueDate} becomes overdue: the start of the next day in the clock's zone. */
    static Instant overdueInstant(LocalDate dueDate, Clock clock) {
        return dueDate.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /**
     * When the overdue deadline fires: at {@link #overdueInstant}, except for an item whose due date lies more than
     * {@link #RETROSPECTIVE_ENTRY} in the past when it is entered (a historical case being carried over): its
     * completion gets {@link #RETROSPECTIVE_GRACE} to be recorded, so that entering history in order never invents an
     * "overdue" that did not happen. If it is still unfinished then, it is flagged overdue since its real due date.
     */
    static Instant deadlineInstant(LocalDate dueDate, Clock clock) {
        boolean carriedOver = dueDate.plus(RETROSPECTIVE_ENTRY).isBefore(LocalDate.now(clock));
        return carriedOver ? clock.instant().plus(RETROSPECTIVE_GRACE) : overdueInstant(dueDate, clock);
    }

    /** The scope name of the item's deadline: one per item, so that it can be cancelled without its id. */
    static String deadlineName(String itemId) {
        return PREFIX + itemId;
    }
}
