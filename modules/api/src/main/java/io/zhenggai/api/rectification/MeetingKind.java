package io.zhenggai.api.rectification;

/** Kinds of meetings of record in a rectification. */
public enum MeetingKind {
    DEPARTMENT_MEETING("部务会"),
    DEMOCRATIC_LIFE_MEETING("专题民主生活会"),
    SPECIAL_STUDY_MEETING("专题研究会"),
    LEADING_GROUP_MEETING("整改工作领导小组会议"),
    PARTY_COMMITTEE_MEETING("党组（党委）会议"),
    MOBILISATION_MEETING("整改动员部署会"),
    STUDY_SESSION("学习研讨会"),
    ORGANISATIONAL_LIFE_MEETING("组织生活会"),
    PARTY_LECTURE("专题党课"),
    OTHER("其他会议");

    private final String label;

    MeetingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
