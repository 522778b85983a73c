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
}
