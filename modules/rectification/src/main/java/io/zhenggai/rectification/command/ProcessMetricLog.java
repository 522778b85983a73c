package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.RectificationCommands.RecordProcessMetricCommand;
import io.zhenggai.api.rectification.RectificationEvents.ProcessMetricRecordedEvent;

import java.util.HashSet;
import java.util.Set;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;

/**
 * The process metrics (过程性指标) of a rectification, part of the {@link Rectification} aggregate: each record is a
 * typed count on a date, with an id of its own. Rules (that id, kind, count and date are given is the command's shape,
 * ADR 0046): the id is new; the count is not negative (a stated 0 is a fact); a meeting count names its kind of
 * meeting, and only a meeting count does.
 * The business date is checked by the aggregate (not in the future, not before the feedback). State changes only
 * from the event.
 */
final class ProcessMetricLog {

    private final Set<String> metricIds = new HashSet<>();

    /** The event recording {@code cmd}, once every rule holds. */
    ProcessMetricRecordedEvent record(String rectificationId, RecordProcessMetricCommand cmd) {
        requireState(!metricIds.contains(cmd.metricId()), "METRIC_EXISTS", "过程性指标记录已存在：" + cmd.metricId());
        require(cmd.count() >= 0, "COUNT_NEGATIVE", "数量不能为负数");
        if (cmd.kind().countsMeetings()) {
            require(cmd.meetingKind() != null, "MEETING_KIND_REQUIRED", "会议次数必须指明会议类型（如组织生活会、专题党课）");
        } else {
            require(cmd.meetingKind() == null, "MEETING_KIND_NOT_APPLICABLE",
                    "只有会议次数才指明会议类型，" + cmd.kind().label() + "不指明会议类型");
        }
        String description = cmd.description() == null || cmd.description().isBlank() ? null : cmd.description();
        return new ProcessMetricRecordedEvent(rectificationId, cmd.metricId(), cmd.kind(), cmd.meetingKind(), cmd.count(),
                cmd.date(), description);
    }

    void on(ProcessMetricRecordedEvent e) {
        metricIds.add(e.metricId());
    }
}
