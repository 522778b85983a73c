package io.zhenggai.api.inspection;

/** The form of an inspection (巡视/巡察的方式). Optional: an inspection whose form nobody stated has none. */
public enum InspectionForm {
    /** 常规巡视/巡察. */
    ROUTINE("常规"),
    /** 专项 (thematic, e.g. education, grain). */
    THEMATIC("专项"),
    /** 机动 (ad hoc). */
    AD_HOC("机动"),
    /** 提级 (by a higher level). */
    ELEVATED("提级"),
    /** 上下联动 (several levels together). */
    LINKED("上下联动"),
    /** 回头看 (a return visit to check an earlier inspection). */
    LOOK_BACK("回头看");

    private final String label;

    InspectionForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
