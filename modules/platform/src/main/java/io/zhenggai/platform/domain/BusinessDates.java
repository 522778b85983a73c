package io.zhenggai.platform.domain;

import java.time.Clock;
import java.time.LocalDate;

/** Rules shared by every context about dates on which something happened (business dates). */
public final class BusinessDates {

    /** The earliest date any record of this system can carry: the founding of the People's Republic. */
    public static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

    /** How far ahead of today a date may lie (deadlines, planned dates, a dashboard's "today"). */
    public static final int YEARS_AHEAD = 50;

    private BusinessDates() {
    }

    /** A business date is a fact that happened: it cannot lie in the future (in the clock's zone). */
    public static void requireNotInFuture(LocalDate date, Clock clock, String what) {
        RuleViolationException.require(date != null, "DATE_REQUIRED", what + "不能为空");
        RuleViolationException.require(!date.isAfter(LocalDate.now(clock)), "DATE_IN_FUTURE",
                what + "（" + date + "）不能晚于今天");
    }

    /** The latest date accepted anywhere: today (in the clock's zone) plus {@link #YEARS_AHEAD} years. */
    public static LocalDate latest(Clock clock) {
        return LocalDate.now(clock).plusYears(YEARS_AHEAD);
    }

    /** Whether the date lies within {@link #EARLIEST} … {@link #latest(Clock)} (both inclusive). */
    public static boolean withinBounds(LocalDate date, Clock clock) {
        return !date.isBefore(EARLIEST) && !date.isAfter(latest(clock));
    }

    /** Why a date outside the bounds is refused, in words. */
    public static String outOfBounds(Object date, Clock clock) {
        return "日期（" + date + "）超出允许范围 " + EARLIEST + " 至 " + latest(clock);
    }
}
