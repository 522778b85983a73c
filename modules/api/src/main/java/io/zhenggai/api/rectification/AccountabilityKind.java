package io.zhenggai.api.rectification;

/**
 * Kinds of accountability outcome (问责), counted by kind in notices. 政务处分, 组织处理, 诫勉, the referral and the
 * unnamed {@link #HANDLING} (处理) are formal handling ({@link #formal()}); the other four are the criticism given at
 * the 民主生活会, which a notice states apart. Constants are only ever appended (readers order by declaration).
 * {@link #uncountedPhrase(String)} is how a notice says the kind when the unit stated no number
 * ("对相关责任人员作出处理" style).
 */
public enum AccountabilityKind {
    GOVERNMENT_SANCTION("政务处分", true, "给予相关责任人员{label}"),
    ORGANISATIONAL_HANDLING("组织处理", true, "对相关责任人员作出{label}"),
    ADMONITION("诫勉", true, "对相关责任人员进行{label}"),
    DISCIPLINE_REFERRAL("移交纪委监委", true, "将相关问题线索{label}"),
    CRITICISM_HELP("批评帮助", false, "对相关责任人员进行{label}"),
    ORDERED_SELF_EXAMINATION("责令检查", false, "对相关责任人员{label}"),
    CRITICISM_EDUCATION("批评教育", false, "对相关责任人员进行{label}"),
    REMINDER_TALK("提醒谈话", false, "对相关责任人员进行{label}"),
    /** Formal handling of a kind the unit did not name: "对相关责任人员作出处理" (usually without a number). */
    HANDLING("处理", true, "对相关责任人员作出{label}");

    private final String label;
    private final boolean formal;
    private final String uncounted;

    AccountabilityKind(String label, boolean formal, String uncounted) {
        this.label = label;
        this.formal = formal;
        this.uncounted = uncounted;
    }

    /** The default label; a notice may word {@link #DISCIPLINE_REFERRAL} otherwise (its vocabulary setting). */
    public String label() {
        return label;
    }

    /** Formal handling (政务处分, 组织处理, 诫勉, referral), as opposed to criticism at the 民主生活会. */
    public boolean formal() {
        return formal;
    }

    /** The kind said without a number, with the label the notice uses, e.g. 对相关责任人员作出组织处理. */
    public String uncountedPhrase(String label) {
        return uncounted.replace("{label}", label);
    }
}
