package io.zhenggai.finance.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan and 万元 for reads: exact conversion (1万元 = 10000元) and a display text rounded to 2 decimals. */
final class Money {
    private Money() {
    }

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);

    static BigDecimal yuan(BigDecimal amount) {
        return amount == null ? ZERO : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The same amount in 万元, exact (6 decimals). */
    static BigDecimal wanYuan(BigDecimal yuan) {
        return yuan(yuan).movePointLeft(4);
    }

    /** e.g. "1.23万元" (rounded half up to 2 decimals, for display only). */
    static String wanYuanText(BigDecimal yuan) {
        return wanYuan(yuan).setScale(2, RoundingMode.HALF_UP).toPlainString() + "万元";
    }
}
