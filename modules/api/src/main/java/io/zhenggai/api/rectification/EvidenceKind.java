package io.zhenggai.api.rectification;

/** What a piece of evidence of rectification is. */
public enum EvidenceKind {
    /** A written account. */
    TEXT("文字说明"),
    /** A document issued (title, number, date), e.g. a revised regulation. */
    DOCUMENT("印发文件"),
    /** A meeting held. */
    MEETING("召开会议"),
    /** An organisation founded. */
    ORGANISATION("成立组织"),
    /** A figure reached (a named metric with a value and unit). */
    FIGURE("数据指标"),
    /** A file (scan, PDF, image) stored by content. */
    FILE("附件");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
