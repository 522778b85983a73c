package io.zhenggai.ledger;

import java.math.BigDecimal;

/**
 * Money in 万元, the one way every reader writes it: the exact amount (1万元 = 10000元), with the decimals the
 * amount has and no trailing zeros — 71325.00元 is 7.1325万元, 55000元 is 5.5万元, 0 is 0. Never rounded.
 */
public final class WanYuan {
    private WanYuan() {
    }

    /** The amount in 万元, exact; null reads as 0. */
    public static BigDecimal of(BigDecimal yuan) {
        if (yuan == null || yuan.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal wan = yuan.movePointLeft(4).stripTrailingZeros();
        return wan.scale() < 0 ? wan.setScale(0) : wan;
    }

    /** The figure alone, e.g. "7.1325". */
    public static String figure(BigDecimal yuan) {
        return of(yuan).toPlainString();
    }

    /** The figure with its unit, e.g. "7.1325万元". */
    public static String text(BigDecimal yuan) {
        return figure(yuan) + "万元";
    }
}
