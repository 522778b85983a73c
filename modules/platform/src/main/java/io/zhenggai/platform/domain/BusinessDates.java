package io.zhenggai.platform.domain;

import java.time.Clock;
import java.time.LocalDate;

/** Rules shared by every context about dates on which something happened (business dates). */
public final class BusinessDates {

    private BusinessDates() {
    }

    /** A business date is a fact that happened: it cannot lie in the future (in the clock's zone). */
    public static void requireNotInFuture(LocalDate date, Clock clock, String what) {
        RuleViolationException.require(date != null, "DATE_REQUIRED", what + "不能为空");
        RuleViolationException.require(!date.isAfter(LocalDate.now(clock)), "DATE_IN_FUTURE",
                what + "（" + date + "）不能晚于今天");
    }

    /**
     * The date a case is judged on (warning levels, overdue, due soon): the date a reader asked for, else the date of
     * the history the case is carried as (its as-of date), else today in the clock's zone. A case carried as history is
     * never judged against the real today unless that is asked for.
     */
    public static LocalDate judgedOn(LocalDate requested, LocalDate asOfDate, Clock clock) {
        return requested != null ? requested : asOfDate != null ? asOfDate : LocalDate.now(clock);
    }
}
