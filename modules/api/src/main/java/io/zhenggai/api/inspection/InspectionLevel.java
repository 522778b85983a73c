package io.zhenggai.api.inspection;

/**
 * The level of the committee that inspects (巡视/巡察的层级). Optional. A county-level committee carries out only
 * 巡察 ({@link #allows}).
 */
public enum InspectionLevel {
    /** 中央. */
    CENTRAL("中央"),
    /** 省 (including the municipalities directly under the centre). */
    PROVINCIAL("省"),
    /** 市 (地级市). */
    MUNICIPAL("市"),
    /** 县/区. */
    COUNTY("县/区");

    private final String label;

    InspectionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a committee of this level carries out an inspection of that kind (a county never does 巡视). */
    public boolean allows(InspectionKind kind) {
        return !(this == COUNTY && kind == InspectionKind.XUNSHI);
    }
}
