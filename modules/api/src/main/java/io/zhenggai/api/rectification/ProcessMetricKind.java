package io.zhenggai.api.rectification;

/**
 * Kinds of process metric (过程性指标): counted facts of how the rectification was driven, as notices state them
 * ("发出工作提醒12次", "成立督导组3个", "开展现场督导20次", "召开组织生活会5次", "开展谈心谈话86人次").
 * {@link #MEETINGS_HELD} is counted per {@link MeetingKind} (the metric names its meeting kind).
 */
public enum ProcessMetricKind {
    WORK_REMINDERS_SENT("工作提醒"),
    SUPERVISION_GROUPS_FORMED("督导组"),
    ON_SITE_SUPERVISION_VISITS("现场督导"),
    MEETINGS_HELD("会议"),
    TALKS_HELD("谈心谈话");

    private final String label;

    ProcessMetricKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a metric of this kind names a {@link MeetingKind}. */
    public boolean countsMeetings() {
        return this == MEETINGS_HELD;
    }
}
