package io.zhenggai.ledger;

import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static io.zhenggai.api.rectification.ProcessMetricKind.*;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessMetricsTest {

    static ProcessMetrics.Fact fact(ProcessMetricKind kind, MeetingKind meeting, int count) {
        return new ProcessMetrics.Fact(kind, meeting, count);
    }

    @Test
    void sumsByKindAndMeetingsByTheirKindListingOnlyWhatWasRecorded() {
        List<ProcessMetricCount> sums = ProcessMetrics.byKind(List.of(
                fact(TALKS_HELD, null, 40), fact(WORK_REMINDERS_SENT, null, 5),
                fact(MEETINGS_HELD, MeetingKind.PARTY_LECTURE, 2), fact(WORK_REMINDERS_SENT, null, 7),
                fact(MEETINGS_HELD, MeetingKind.ORGANISATIONAL_LIFE_MEETING, 3), fact(TALKS_HELD, null, 46),
                fact(SUPERVISION_GROUPS_FORMED, null, 0)));
        assertThat(sums).containsExactly(
                new ProcessMetricCount(WORK_REMINDERS_SENT, null, "工作提醒", 12, 2),
                new ProcessMetricCount(SUPERVISION_GROUPS_FORMED, null, "督导组", 0, 1),
                new ProcessMetricCount(MEETINGS_HELD, MeetingKind.ORGANISATIONAL_LIFE_MEETING, "组织生活会", 3, 1),
                new ProcessMetricCount(MEETINGS_HELD, MeetingKind.PARTY_LECTURE, "专题党课", 2, 1),
                new ProcessMetricCount(TALKS_HELD, null, "谈心谈话", 86, 2));
        assertThat(sums).extracting(ProcessMetricCount::kind).doesNotContain(ON_SITE_SUPERVISION_VISITS);
        assertThat(ProcessMetrics.byKind(List.of())).isEmpty();
    }

    @Test
    void summingTheSumsOfSeveralInspectionsEqualsSummingAllTheirFacts() {
        List<ProcessMetrics.Fact> a = List.of(fact(ON_SITE_SUPERVISION_VISITS, null, 4), fact(MEETINGS_HELD, MeetingKind.PARTY_LECTURE, 1));
        List<ProcessMetrics.Fact> b = List.of(fact(ON_SITE_SUPERVISION_VISITS, null, 6), fact(TALKS_HELD, null, 9));
        List<ProcessMetricCount> ofSums = ProcessMetrics.sum(
                Stream.concat(ProcessMetrics.byKind(a).stream(), ProcessMetrics.byKind(b).stream()).toList());
        assertThat(ofSums).isEqualTo(ProcessMetrics.byKind(Stream.concat(a.stream(), b.stream()).toList()));
        assertThat(ofSums.get(0)).isEqualTo(new ProcessMetricCount(ON_SITE_SUPERVISION_VISITS, null, "现场督导", 10, 2));
    }

    @Test
    void totalsPerKindPutEveryMeetingKindTogetherAndPerMeetingKindApartListingOnlyWhatWasRecorded() {
        List<ProcessMetricCount> sums = ProcessMetrics.byKind(List.of(
                fact(MEETINGS_HELD, MeetingKind.PARTY_LECTURE, 2), fact(WORK_REMINDERS_SENT, null, 7),
                fact(MEETINGS_HELD, MeetingKind.ORGANISATIONAL_LIFE_MEETING, 3), fact(MEETINGS_HELD, MeetingKind.PARTY_LECTURE, 4),
                fact(SUPERVISION_GROUPS_FORMED, null, 0)));
        assertThat(ProcessMetrics.totalsByKind(sums)).containsExactly(java.util.Map.entry(WORK_REMINDERS_SENT, 7),
                java.util.Map.entry(SUPERVISION_GROUPS_FORMED, 0), java.util.Map.entry(MEETINGS_HELD, 9));
        assertThat(ProcessMetrics.meetingTotals(sums)).containsExactly(
                java.util.Map.entry(MeetingKind.ORGANISATIONAL_LIFE_MEETING, 3), java.util.Map.entry(MeetingKind.PARTY_LECTURE, 6));
        assertThat(ProcessMetrics.totalsByKind(List.of())).isEmpty();
        assertThat(ProcessMetrics.meetingTotals(ProcessMetrics.byKind(List.of(fact(TALKS_HELD, null, 5))))).isEmpty();
    }
}
