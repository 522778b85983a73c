package io.zhenggai.finance.command;

import java.time.Clock;
import java.time.LocalDate;

import static io.zhenggai.platform.domain.RuleViolationException.require;

/** A regulation (or version) that takes effect before today needs a reason: 追溯生效 or 补录历史制度. */
final class Backdating {

    private Backdating() {
    }

    /** The stripped reason when {@code effectiveFrom} lies before today, null otherwise; refuses a missing one. */
    static String reason(LocalDate effectiveFrom, String reason, Clock clock) {
        if (effectiveFrom.isBefore(LocalDate.now(clock))) {
            require(RuleText.notBlank(reason), "BACKDATING_REASON_REQUIRED",
                    "生效日期（" + effectiveFrom + "）早于今天，必须说明追溯生效（或补录历史制度）的理由");
            return reason.strip();
        }
        return null;
    }
}
