package io.zhenggai.api.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a unit writes a rate in its notice (a notice setting): a whole percent (76%, the default) or with two decimals
 * (99.12%); rounded half up from the exact rate the ledger arithmetic gives.
 */
public enum RateStyle {
    WHOLE_PERCENT(0),
    TWO_DECIMALS(2);

    private final int decimals;

    RateStyle(int decimals) {
        this.decimals = decimals;
    }

    /** The rate (in percent) as written, without the % sign: 76, 99.12; null stays null. */
    public String text(BigDecimal percent) {
        return percent == null ? null : percent.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** The style of {@code style}, or {@link #WHOLE_PERCENT} when none was chosen. */
    public static RateStyle orDefault(RateStyle style) {
        return style == null ? WHOLE_PERCENT : style;
    }
}
