package io.zhenggai.api.rectification;

/** Kinds of accountability outcome (问责), counted by kind in notices ("zero counts stated"). */
public enum AccountabilityKind {
    GOVERNMENT_SANCTION("政务处分"),
    ORGANISATIONAL_HANDLING("组织处理"),
    ADMONITION("诫勉"),
    DISCIPLINE_REFERRAL("移交纪委监委"),
    CRITICISM_HELP("批评帮助"),
    ORDERED_SELF_EXAMINATION("责令检查"),
    CRITICISM_EDUCATION("批评教育"),
    REMINDER_TALK("提醒谈话");

    private final String label;

    AccountabilityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
