package io.zhenggai.api.finance;

/** The money outcomes that notices report (in 万元). */
public enum MoneyOutcomeKind {
    FUNDS_RECOVERED("追缴资金"),
    IRREGULAR_FUNDS_REFUNDED("清退违规资金"),
    PERSONAL_COSTS_RECOVERED("追回应由个人承担的资金"),
    LOSSES_RETRIEVED("挽回经济损失");

    private final String label;

    MoneyOutcomeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
