package io.zhenggai.benchmark.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.benchmark.workload.RectificationPlan;
import io.zhenggai.benchmark.workload.RectificationWorkload;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The preloaded history is one the app could have written: streams, policy events and what is handed to the live workload. */
class InspectionHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAggregateStreamIsContiguousAndEveryFeedbackIsFollowedByItsRectificationOpening() throws Exception {
        InspectionHistory history = new InspectionHistory(42, "h", true);
        List<EventRow> rows = new ArrayList<>();
        history.generate(40_000, rows::add);

        Map<String, Long> next = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            EventRow r = rows.get(i);
            assertThat(r.sequenceNumber()).as("sequence of %s", r.aggregateIdentifier())
                    .isEqualTo(next.getOrDefault(r.aggregateIdentifier(), 0L));
            next.put(r.aggregateIdentifier(), r.sequenceNumber() + 1);
            if (r.payloadType().endsWith("$FeedbackDeliveredEvent")) {
                EventRow opened = rows.get(i + 1);
                assertThat(opened.payloadType()).endsWith("$RectificationOpenedEvent");
                assertThat(opened.aggregateIdentifier()).isEqualTo("rect-" + r.aggregateIdentifier());
                assertThat(opened.sequenceNumber()).isZero();
                assertThat(meta(opened).path("correlationId").asText()).isEqualTo(meta(r).path("correlationId").asText());
            }
            if (r.payloadType().endsWith("$FindingCorrectedEvent")) {
                EventRow takenOver = rows.get(i + 1);
                assertThat(takenOver.payloadType()).endsWith("$FindingCorrectionTakenOverEvent");
                assertThat(JSON.readTree(takenOver.payload()).path("sourceEventId").asText()).isEqualTo(r.eventIdentifier());
            }
        }
        assertThat(history.rectificationEvents()).isGreaterThan(10_000);
    }

    @Test
    void whatIsHandedToTheLiveWorkloadNeverGetsHistoryAgain() {
        InspectionHistory history = new InspectionHistory(7, "h", true);
        history.generate(30_000, row -> { });
        Set<String> handedOver = new HashSet<>();
        history.delivered().forEach(d -> {
            handedOver.add(d.inspectionId());
            handedOver.add("rect-" + d.inspectionId());
        });
        history.unstartedRectifications().forEach(p -> handedOver.add("rect-" + p.inspectionId));
        for (RectificationWorkload.OpenTarget t : history.unfinishedItems()) {
            handedOver.add("rect-" + t.inspectionId());
        }
        assertThat(history.unstartedRectifications()).isNotEmpty();
        assertThat(history.unfinishedItems()).isNotEmpty();

        List<String> touched = new ArrayList<>();
        history.generate(30_000, row -> {
            if (handedOver.contains(row.aggregateIdentifier())) {
                touched.add(row.aggregateIdentifier() + "#" + row.sequenceNumber());
            }
        });
        assertThat(touched).isEmpty();
    }

    @Test
    void unstartedRectificationsHaveOnlyTheirOpeningAndTakeOversInTheHistory() {
        InspectionHistory history = new InspectionHistory(11, "h", true);
        Map<String, List<String>> types = new HashMap<>();
        history.generate(30_000, row -> types.computeIfAbsent(row.aggregateIdentifier(), k -> new ArrayList<>())
                .add(row.payloadType().substring(row.payloadType().indexOf('$') + 1)));
        for (RectificationPlan p : history.unstartedRectifications()) {
            assertThat(types.get("rect-" + p.inspectionId))
                    .allMatch(t -> t.equals("RectificationOpenedEvent") || t.equals("FindingCorrectionTakenOverEvent"));
        }
    }

    @Test
    void withoutTheRectificationContextTheHistoryIsTheInspectionContextsAlone() {
        InspectionHistory history = new InspectionHistory(42, "h", false);
        List<String> types = new ArrayList<>();
        history.generate(5_000, row -> types.add(row.payloadType()));
        assertThat(types).hasSize(5_000).noneMatch(t -> t.contains("rectification"));
        assertThat(history.rectificationEvents()).isZero();
    }

    private static JsonNode meta(EventRow r) {
        try {
            return JSON.readTree(r.metaData());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aProvinceHistoryHoldsExactlyItsRoundsAndUnitsEachWithItsRectificationAndEnds() {
        InspectionHistory province = InspectionHistory.province(11, "p", 3, 7);
        List<EventRow> rows = new ArrayList<>();
        long produced = province.generateAtMost(Long.MAX_VALUE, rows::add);

        assertThat(province.exhausted()).isTrue();
        assertThat(produced).isEqualTo(rows.size());
        assertThat(province.generateAtMost(1_000, rows::add)).as("nothing after the end").isZero();
        Map<String, Long> next = new HashMap<>();
        Map<String, Integer> inspectionsPerRound = new HashMap<>();
        Set<String> opened = new HashSet<>();
        for (EventRow r : rows) {
            assertThat(r.sequenceNumber()).as("sequence of %s", r.aggregateIdentifier())
                    .isEqualTo(next.getOrDefault(r.aggregateIdentifier(), 0L));
            next.put(r.aggregateIdentifier(), r.sequenceNumber() + 1);
            if (r.payloadType().endsWith("$InspectionScheduledEvent")) {
                inspectionsPerRound.merge(r.aggregateIdentifier().startsWith("p-") ? roundOf(r) : "?", 1, Integer::sum);
            }
            if (r.payloadType().endsWith("$RectificationOpenedEvent")) {
                opened.add(r.aggregateIdentifier());
            }
        }
        assertThat(inspectionsPerRound).containsOnlyKeys("pr-1", "pr-2", "pr-3").allSatisfy((round, n) -> assertThat(n).isEqualTo(7));
        assertThat(opened).as("every inspection's rectification is opened").hasSize(21);
    }

    private static String roundOf(EventRow r) {
        try {
            return JSON.readTree(r.payload()).path("roundId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
