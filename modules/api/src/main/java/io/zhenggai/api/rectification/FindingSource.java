package io.zhenggai.api.rectification;

/**
 * Where a finding of the rectification ledger comes from. Findings delivered with the inspection's feedback are
 * {@code INSPECTION}; the others are supplementary findings (补充问题) that other contexts hand over after
 * feedback. A supplementary finding whose source names no category of the ledger goes to the source's own
 * category ({@link #supplementaryCategoryId()}, {@link #supplementaryCategoryTitle()}).
 */
public enum FindingSource {
    /** Delivered with the inspection's feedback (巡察反馈). */
    INSPECTION("巡察反馈", null, null),
    /** Public feedback on a published notice that staff turned into a finding (群众反馈). */
    PUBLIC_FEEDBACK("群众反馈", "supplementary-public-feedback", "群众反馈问题"),
    /** A finance rule violation escalated to the rectification (财务违规移交). */
    FINANCE_VIOLATION("财务违规移交", "supplementary-finance-violation", "财务监督发现问题");

    private final String label;
    private final String supplementaryCategoryId;
    private final String supplementaryCategoryTitle;

    FindingSource(String label, String supplementaryCategoryId, String supplementaryCategoryTitle) {
        this.label = label;
        this.supplementaryCategoryId = supplementaryCategoryId;
        this.supplementaryCategoryTitle = supplementaryCategoryTitle;
    }

    public String label() {
        return label;
    }

    /** The ledger category that collects this source's findings when they name no category of their own. */
    public String supplementaryCategoryId() {
        return supplementaryCategoryId;
    }

    public String supplementaryCategoryTitle() {
        return supplementaryCategoryTitle;
    }
}
