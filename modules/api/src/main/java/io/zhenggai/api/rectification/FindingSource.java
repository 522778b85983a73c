package io.zhenggai.api.rectification;

import io.zhenggai.api.inspection.InspectionKind;

/**
 * Where a finding of the rectification ledger comes from. Findings delivered with the inspection's feedback are
 * {@code INSPECTION}; the others are supplementary findings (补充问题) that other contexts hand over after
 * feedback. A supplementary finding whose source names no category of the ledger goes to the source's own
 * category ({@link #supplementaryCategoryId()}, {@link #supplementaryCategoryTitle()}).
 */
public enum FindingSource {
    /** Delivered with the inspection's feedback (巡视反馈 or 巡察反馈: {@link #label(InspectionKind)}). */
    INSPECTION(InspectionKind.EITHER + "反馈", null, null),
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

    /** The label for a finding of an inspection of either kind; prefer {@link #label(InspectionKind)}. */
    public String label() {
        return label;
    }

    /** The label for a finding of an inspection of that kind: 巡视反馈 / 巡察反馈 for {@code INSPECTION}. */
    public String label(InspectionKind kind) {
        return this == INSPECTION ? InspectionKind.orDefault(kind).feedback() : label;
    }

    /** The ledger category that collects this source's findings when they name no category of their own. */
    public String supplementaryCategoryId() {
        return supplementaryCategoryId;
    }

    public String supplementaryCategoryTitle() {
        return supplementaryCategoryTitle;
    }
}
