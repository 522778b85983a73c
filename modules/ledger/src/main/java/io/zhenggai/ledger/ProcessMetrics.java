package io.zhenggai.ledger;

import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Process metrics (过程性指标) summed by kind — and for {@link ProcessMetricKind#MEETINGS_HELD} by meeting kind — the
 * one way the ledger, the dashboard and the round totals sum them. Only what was recorded is listed: a kind with a
 * recorded 0 is listed with 0, a kind nobody recorded is not listed. Order: by kind, then by meeting kind.
 */
public final class ProcessMetrics {
    private ProcessMetrics() {
    }

    /** One recorded metric as far as the sum needs it. */
    public record Fact(ProcessMetricKind kind, MeetingKind meetingKind, int count) {
    }

    private record Key(ProcessMetricKind kind, MeetingKind meetingKind) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::kind)
            .thenComparing(Key::meetingKind, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The recorded facts summed by kind. */
    public static List<ProcessMetricCount> byKind(Collection<Fact> facts) {
        return sum(facts.stream().map(f -> new ProcessMetricCount(f.kind(), f.meetingKind(), label(f.kind(), f.meetingKind()),
                f.count(), 1)).toList());
    }

    /** Sums of several (e.g. the inspections of a round) summed again by kind. */
    public static List<ProcessMetricCount> sum(Collection<ProcessMetricCount> counts) {
        Map<Key, int[]> sums = new LinkedHashMap<>();
        for (ProcessMetricCount c : counts) {
            int[] s = sums.computeIfAbsent(new Key(c.kind(), c.meetingKind()), k -> new int[2]);
            s[0] += c.count();
            s[1] += c.records();
        }
        return sums.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER))
                .map(e -> new ProcessMetricCount(e.getKey().kind(), e.getKey().meetingKind(),
                        label(e.getKey().kind(), e.getKey().meetingKind()), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /**
     * The total of each kind recorded, all meeting kinds of {@link ProcessMetricKind#MEETINGS_HELD} together (what a
     * notice states as "召开会议N次"); a kind nobody recorded is absent, a recorded 0 is 0. In the order of the kinds.
     */
    public static Map<ProcessMetricKind, Integer> totalsByKind(Collection<ProcessMetricCount> counts) {
        Map<ProcessMetricKind, Integer> totals = new java.util.EnumMap<>(ProcessMetricKind.class);
        counts.forEach(c -> totals.merge(c.kind(), c.count(), Integer::sum));
        return totals;
    }

    /**
     * The total of each meeting kind recorded under {@link ProcessMetricKind#MEETINGS_HELD} ("召开组织生活会5次"); a
     * meeting kind nobody recorded is absent. In the order of the meeting kinds.
     */
    public static Map<MeetingKind, Integer> meetingTotals(Collection<ProcessMetricCount> counts) {
        Map<MeetingKind, Integer> totals = new java.util.EnumMap<>(MeetingKind.class);
        counts.stream().filter(c -> c.kind().countsMeetings() && c.meetingKind() != null)
                .forEach(c -> totals.merge(c.meetingKind(), c.count(), Integer::sum));
        return totals;
    }

    /** The label of a kind: the meeting kind's for meetings (组织生活会), otherwise the kind's (工作提醒). */
    public static String label(ProcessMetricKind kind, MeetingKind meetingKind) {
        return kind.countsMeetings() && meetingKind != null ? meetingKind.label() : kind.label();
    }
}
