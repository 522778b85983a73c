package io.zhenggai.publication.compose;

import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.inspection.InspectionEvents.InspectionJoinedRoundEvent;
import io.zhenggai.api.inspection.InspectionEvents.InspectionScheduledEvent;
import io.zhenggai.api.inspection.InspectionEvents.RoundCreatedEvent;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.rectification.RectificationQueries;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;
import io.zhenggai.ledger.Accountability;
import io.zhenggai.ledger.ProcessMetrics;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds the events of a whole round (轮次) into the {@link NoticeFacts} of a round notice (ADR 0026): one
 * {@link NoticeFactsFolder} per inspection of the round — each unit folded exactly as its own notice would be —
 * and the round the sum of its units: findings and items with {@code FindingCounts.sum} / {@code ItemCounts.sum},
 * process metrics with {@link ProcessMetrics#sum}, accountability with {@link Accountability#sum}, regulations, meetings
 * and money added per kind.
 * Nothing is counted again here.
 * <p>
 * Which inspections belong to the round as of the position is known only at the end of the stream (an inspection
 * may join another round later), so the composer reads the stream twice in one snapshot: first through a
 * {@link Members} (round and membership), then through this folder. Pure and deterministic, like the unit folder.
 */
public final class RoundFactsFolder {

    /** First pass: the round's own facts and which inspections belong to it at the end of the stream. */
    public static final class Members {
        private final String roundId;
        private RoundCreatedEvent round;
        private final Map<String, String> roundOf = new LinkedHashMap<>();
        private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(this);

        public Members(String roundId) {
            this.roundId = roundId;
        }

        public void accept(Object payload) {
            accept(GenericEventMessage.asEventMessage(payload));
        }

        public void accept(EventMessage<?> message) {
            NoticeFactsFolder.dispatch(handlers, message);
        }

        @EventHandler
        void on(RoundCreatedEvent e) {
            if (roundId.equals(e.roundId())) {
                round = e;
            }
        }

        @EventHandler
        void on(InspectionScheduledEvent e) {
            roundOf.put(e.inspectionId(), e.roundId());
        }

        @EventHandler
        void on(InspectionJoinedRoundEvent e) {
            if (roundOf.containsKey(e.inspectionId())) {
                roundOf.put(e.inspectionId(), e.roundId());
            }
        }

        /** The inspections of the round, in the order they were scheduled. */
        List<String> inspections() {
            return roundOf.entrySet().stream().filter(e -> roundId.equals(e.getValue())).map(Map.Entry::getKey).toList();
        }

        boolean known() {
            return round != null || roundOf.containsValue(roundId);
        }
    }

    private final Members members;
    private final Map<String, NoticeFactsFolder> units = new LinkedHashMap<>();
    public RoundFactsFolder(Members members) {
        this.members = members;
        for (String inspectionId : members.inspections()) {
            units.put(inspectionId, new NoticeFactsFolder(inspectionId));
        }
    }

    public void accept(Object payload) {
        accept(GenericEventMessage.asEventMessage(payload));
    }

    /** Applies one event message to every unit's folder. */
    public void accept(EventMessage<?> message) {
        for (NoticeFactsFolder unit : units.values()) {
            unit.accept(message);
        }
    }

    /** The facts of the round folded so far; null when the event store knows no such round. */
    public NoticeFacts facts() {
        if (!members.known()) {
            return null;
        }
        List<NoticeFacts.Unit> rows = new ArrayList<>();
        List<NoticeFactsFolder.Counts> counts = new ArrayList<>();
        List<ProcessMetricCount> metricCounts = new ArrayList<>();
        List<NoticeFacts.Meeting> meetings = new ArrayList<>();
        List<NoticeFacts.RegulationRef> regulationRefs = new ArrayList<>();
        int regulations = 0, enacted = 0, revised = 0, rectifications = 0;
        List<RectificationQueries.AccountabilityCount> accountability = new ArrayList<>();
        Map<MoneyOutcomeKind, BigDecimal> money = new EnumMap<>(MoneyOutcomeKind.class);
        Set<MoneyOutcomeKind> moneyRecorded = EnumSet.noneOf(MoneyOutcomeKind.class);
        List<NoticeFacts> unitFacts = new ArrayList<>();
        LocalDate latestFeedback = null;
        for (Map.Entry<String, NoticeFactsFolder> e : units.entrySet()) {
            NoticeFactsFolder folder = e.getValue();
            NoticeFacts f = folder.facts();
            NoticeFactsFolder.Counts c = folder.counts();
            unitFacts.add(f);
            counts.add(c);
            metricCounts.addAll(f.processMetrics());
            meetings.addAll(f.meetings());
            regulations += f.regulations().count();
            enacted += f.regulations().enacted();
            revised += f.regulations().revised();
            regulationRefs.addAll(f.regulations().items());
            if (f.rectificationId() != null) {
                rectifications++;
            }
            f.accountability().forEach(a -> accountability.add(
                    new RectificationQueries.AccountabilityCount(a.kind(), a.label(), a.count(), a.uncounted())));
            f.money().forEach(m -> money.merge(m.kind(), m.amount(), BigDecimal::add));
            moneyRecorded.addAll(folder.moneyRecorded());
            if (f.feedbackDate() != null && (latestFeedback == null || f.feedbackDate().isAfter(latestFeedback))) {
                latestFeedback = f.feedbackDate();
            }
            rows.add(new NoticeFacts.Unit(f.inspectionId(), f.inspectingBody(), f.inspectedUnit(), f.kind(), f.feedbackDate(),
                    c.totals(), new NoticeFacts.Regulations(f.regulations().count(), f.regulations().enacted(),
                    f.regulations().revised(), List.of()), f.meetings().size(),
                    f.accountability().stream().mapToInt(NoticeFacts.AccountabilityCount::count).sum(),
                    f.money().stream().map(NoticeFacts.MoneyTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        // the kinds some unit recorded, summed by the ledger (uncounted only when no unit gave a number)
        List<NoticeFacts.AccountabilityCount> acc = Accountability.sum(accountability).stream()
                .map(a -> new NoticeFacts.AccountabilityCount(a.kind(), a.label(), a.count(), a.uncounted())).toList();
        List<NoticeFacts.MoneyTotal> mon = new ArrayList<>();
        for (MoneyOutcomeKind k : moneyRecorded) {
            mon.add(new NoticeFacts.MoneyTotal(k, k.label(), money.getOrDefault(k, BigDecimal.ZERO)));
        }
        RoundCreatedEvent round = members.round;
        InspectionKind kind = unitFacts.isEmpty() ? InspectionKind.DEFAULT : unitFacts.get(0).kind();
        InspectionForm form = common(unitFacts.stream().map(NoticeFacts::form).toList());
        InspectionLevel level = common(unitFacts.stream().map(NoticeFacts::level).toList());
        NoticeFacts.RoundFacts roundFacts = new NoticeFacts.RoundFacts(members.roundId, round == null ? null : round.name(),
                round == null ? null : round.organizer(), round == null ? null : round.periodStart(),
                round == null ? null : round.periodEnd(), units.size(), rectifications, ProcessMetrics.sum(metricCounts),
                List.copyOf(rows));
        return new NoticeFacts(null, null, round == null ? null : round.organizer(), null, null, List.of(),
                round == null ? null : round.periodStart(), round == null ? null : round.periodEnd(), latestFeedback, null,
                null, List.of(), List.of(), List.copyOf(meetings),
                new NoticeFacts.Regulations(regulations, enacted, revised, List.copyOf(regulationRefs)), List.copyOf(acc),
                List.copyOf(mon), NoticeFactsFolder.Counts.sum(counts).totals(), kind, form, level, roundFacts);
    }

    /** The value every unit has, or null when they differ or there are none. */
    private static <T> T common(List<T> values) {
        return values.isEmpty() || values.stream().anyMatch(v -> !Objects.equals(v, values.get(0))) ? null : values.get(0);
    }
}
