package io.zhenggai.finance.query;

import io.zhenggai.ledger.WanYuan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan and 万元 for reads: yuan with 2 decimals; 万元 exact and as text the one way every reader writes it ({@link WanYuan}). */
final class Money {
    private Money() {
    }

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);

    static BigDecimal yuan(BigDecimal amount) {
        return amount == null ? ZERO : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The same amount in 万元, exact, without trailing zeros (12426.00元 → 1.2426). */
    static BigDecimal wanYuan(BigDecimal yuan) {
        return WanYuan.of(yuan(yuan));
    }

    /** e.g. "1.242567万元": exact, never rounded. */
    static String wanYuanText(BigDecimal yuan) {
        return WanYuan.text(yuan(yuan));
    }
}
