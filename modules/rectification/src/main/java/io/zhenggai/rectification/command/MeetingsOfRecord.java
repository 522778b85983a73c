package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.RectificationCommands.RecordAccountabilityCommand;
import io.zhenggai.api.rectification.RectificationCommands.RecordMeetingCommand;
import io.zhenggai.api.rectification.RectificationCommands.RecordProcessMetricCommand;
import io.zhenggai.api.rectification.RectificationEvents.AccountabilityRecordedEvent;
import io.zhenggai.api.rectification.RectificationEvents.MeetingRecordedEvent;
import io.zhenggai.api.rectification.RectificationEvents.ProblemClaim;
import io.zhenggai.api.rectification.RectificationEvents.ProcessMetricRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static io.zhenggai.platform.text.Blanks.blankToNull;
import static io.zhenggai.rectification.command.Rectification.nullSafe;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * What the unit did beyond its items, an entity of {@link Rectification}: meetings of record (部务会, 专题民主生活会 …)
 * with the problems leaders claimed at them, accountability outcomes (问责) and process metrics (过程性指标). Each has
 * an id of its own, recorded once, on a business date; the findings and members it names must be the ledger's.
 */
class MeetingsOfRecord {

    private final Rectification rectification;
    private final Set<String> meetingIds = new HashSet<>();
    private final Set<String> outcomeIds = new HashSet<>();
    private final ProcessMetricLog processMetrics = new ProcessMetricLog();

    MeetingsOfRecord(Rectification rectification) {
        this.rectification = rectification;
    }

    @CommandHandler
    Long handle(RecordMeetingCommand cmd, Clock clock) {
        requireState(!meetingIds.contains(cmd.meetingId()), "MEETING_EXISTS", "会议记录已存在：" + cmd.meetingId());
        rectification.requireBusinessDate(cmd.date(), clock, "会议日期");
        List<ProblemClaim> claims = nullSafe(cmd.claims());
        for (ProblemClaim c : claims) {
            require(c.memberId() == null || rectification.group().knows(c.memberId()), "MEMBER_UNKNOWN",
                    "领导小组中没有该成员：" + c.memberId());
            rectification.findings().requireKnown(nullSafe(c.findingIds()));
        }
        apply(new MeetingRecordedEvent(rectification.id(), cmd.meetingId(), cmd.kind(), cmd.date(), cmd.title(),
                List.copyOf(nullSafe(cmd.attendees())),
                claims.stream().map(c -> new ProblemClaim(c.leaderName(), c.memberId(), c.problem(),
                        List.copyOf(nullSafe(c.findingIds())))).toList(),
                blankToNull(cmd.summary())));
        return getVersion();
    }

    @CommandHandler
    Long handle(RecordAccountabilityCommand cmd, Clock clock) {
        requireState(!outcomeIds.contains(cmd.outcomeId()), "OUTCOME_EXISTS", "问责记录已存在：" + cmd.outcomeId());
        rectification.requireBusinessDate(cmd.date(), clock, "问责日期");
        List<String> persons = nullSafe(cmd.persons());
        if (cmd.personsNotCounted()) {
            require(cmd.count() == null && persons.isEmpty(), "COUNT_WITH_PERSONS_NOT_COUNTED",
                    "写明“未统计人数”（对相关责任人员作出处理）时不能再填写人数或人员");
        } else {
            require(cmd.count() != null || !persons.isEmpty(), "COUNT_OR_PERSONS_REQUIRED",
                    "必须写明人数或被问责人员，或注明未统计人数（personsNotCounted）");
        }
        int count = cmd.count() != null ? cmd.count() : persons.size();
        require(count >= 0, "COUNT_NEGATIVE", "人数不能为负数");
        require(persons.isEmpty() || count == persons.size(), "COUNT_MISMATCH",
                "人数（" + count + "）与所列人员（" + persons.size() + "人）不一致");
        rectification.findings().requireKnown(nullSafe(cmd.findingIds()));
        apply(new AccountabilityRecordedEvent(rectification.id(), cmd.outcomeId(), cmd.kind(), cmd.date(), count,
                List.copyOf(persons), List.copyOf(nullSafe(cmd.findingIds())), blankToNull(cmd.description()),
                cmd.personsNotCounted()));
        return getVersion();
    }

    /** 过程性指标: a typed count on a date; the rules are {@link ProcessMetricLog}'s, the date the aggregate's. */
    @CommandHandler
    Long handle(RecordProcessMetricCommand cmd, Clock clock) {
        ProcessMetricRecordedEvent event = processMetrics.record(rectification.id(), cmd);
        rectification.requireBusinessDate(cmd.date(), clock, "统计日期");
        apply(event);
        return getVersion();
    }

    @EventSourcingHandler
    void on(MeetingRecordedEvent e) {
        meetingIds.add(e.meetingId());
    }

    @EventSourcingHandler
    void on(AccountabilityRecordedEvent e) {
        outcomeIds.add(e.outcomeId());
    }

    @EventSourcingHandler
    void on(ProcessMetricRecordedEvent e) {
        processMetrics.on(e);
    }
}
