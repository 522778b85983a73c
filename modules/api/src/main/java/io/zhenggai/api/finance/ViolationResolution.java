package io.zhenggai.api.finance;

/** How a violation was resolved. */
public enum ViolationResolution {
    /** 退回资金: the money at stake was returned (the amount is recorded as a money outcome). */
    MONEY_RETURNED("资金已退回"),
    /** 补办手续: the missing document, approval or procedure was supplied afterwards. */
    PROCEDURE_REMEDIED("已补办手续"),
    /** 经核实不构成违规: on review, not a violation (the note says why). */
    DISMISSED("经核实不构成违规");

    private final String label;

    ViolationResolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
