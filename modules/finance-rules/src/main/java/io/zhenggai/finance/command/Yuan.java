package io.zhenggai.finance.command;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static io.zhenggai.platform.domain.RuleViolationException.require;

/** Amounts in yuan: exact decimals with at most 2 places, never floating point. */
final class Yuan {
    private Yuan() {
    }

    /** A positive amount with at most 2 decimals, normalised to scale 2; otherwise refused naming {@code field}. */
    static BigDecimal requirePositive(BigDecimal amount, String field, String what) {
        require(amount != null, "AMOUNT_REQUIRED", what + "（" + field + "）不能为空");
        require(amount.signum() > 0, "AMOUNT_NOT_POSITIVE", what + "（" + field + "）必须大于0，收到：" + amount.toPlainString());
        require(amount.stripTrailingZeros().scale() <= 2, "AMOUNT_PRECISION",
                what + "（" + field + "）最多保留2位小数，收到：" + amount.toPlainString());
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    static BigDecimal scale2(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + "元";
    }
}
