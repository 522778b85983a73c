package io.zhenggai.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.api.inspection.InspectionEvents.FindingCorrectedEvent;
import io.zhenggai.api.inspection.InspectionEvents.FindingRecordedEvent;
import io.zhenggai.reporting.audit.AuditEvent;
import io.zhenggai.reporting.audit.Cut;
import io.zhenggai.reporting.audit.EventFilter;
import io.zhenggai.reporting.audit.EventStoreReader;
import io.zhenggai.reporting.audit.HistoricalReplay;
import io.zhenggai.reporting.audit.HistoryFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit history through HTTP: who did what, when, in which order; filters, paging, exports, "as of", chains. */
class AuditHistoryIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EventStoreReader reader;
    @Autowired
    HistoricalReplay history;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    PlatformTransactionManager transactions;

    private ApiClient auditor() {
        return api.as("auditor");
    }

    private List<JsonNode> items(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void showsEveryEventOfAnInspectionWithWhoWhenAndWhy() {
        InspectionHistory h = InspectionHistory.write(api.header("X-Request-Id", "req-audit-1"), "inspector");

        List<JsonNode> events = items(auditor().get("/api/audit/events?aggregateId=" + h.inspectionId));

        assertThat(events).hasSize(InspectionHistory.EVENTS);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("InspectionScheduledEvent",
                "FieldworkStartedEvent", "FindingCategoryAddedEvent", "FindingRecordedEvent", "FieldworkConcludedEvent",
                "FeedbackDeliveredEvent", "FindingCorrectedEvent");
        assertThat(events).extracting(e -> e.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        JsonNode started = events.get(1);
        assertThat(started.get("payloadType").asText())
                .isEqualTo("io.zhenggai.api.inspection.InspectionEvents$FieldworkStartedEvent");
        assertThat(started.get("aggregateType").asText()).isEqualTo("Inspection");
        assertThat(started.get("aggregateId").asText()).isEqualTo(h.inspectionId);
        assertThat(started.get("payload").get("date").asText()).isEqualTo(h.fieldworkStart.toString());
        assertThat(started.get("businessDate").asText()).isEqualTo(h.fieldworkStart.toString());
        assertThat(started.get("userId").asText()).isEqualTo("inspector");
        assertThat(started.get("commandName").asText()).isEqualTo("StartFieldworkCommand");
        assertThat(started.get("requestId").asText()).isEqualTo("req-audit-1");
        assertThat(started.get("correlationId").asText()).isNotBlank();
        assertThat(started.get("causationId").asText()).isNotBlank();
        assertThat(Instant.parse(started.get("recordedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(events.get(0).get("businessDate").isNull()).as("planned dates are not business dates").isTrue();
        assertThat(events.get(5).get("businessDate").asText()).isEqualTo(h.feedbackDate.toString());
        assertThat(events.get(6).get("payload").get("reason").asText()).isEqualTo("补充问题表现");
    }

    @Test
    void pagesThroughTheHistoryWithAKeysetCursor() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        List<Long> all = items(auditor().get("/api/audit/events?aggregateId=" + h.inspectionId)).stream()
                .map(e -> e.get("position").asLong()).toList();

        List<Long> paged = new ArrayList<>();
        String after = "0";
        int pages = 0;
        while (after != null) {
            ApiClient.Response r = auditor().get("/api/audit/events?limit=3&aggregateId=" + h.inspectionId + "&after=" + after);
            items(r).forEach(e -> paged.add(e.get("position").asLong()));
            JsonNode next = r.json().get("next");
            after = next.isNull() ? null : next.asText();
            pages++;
        }
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersByTypeUserTimeAndCorrelation() {
        InspectionHistory byInspector = InspectionHistory.write(api, "inspector");
        InspectionHistory byAdmin = InspectionHistory.write(api, "admin");

        assertThat(items(auditor().get("/api/audit/events?type=FieldworkStartedEvent&aggregateId=" + byInspector.inspectionId)))
                .singleElement().satisfies(e -> assertThat(e.get("type").asText()).isEqualTo("FieldworkStartedEvent"));
        assertThat(items(auditor().get("/api/audit/events?type=" + q("io.zhenggai.api.inspection.InspectionEvents$FeedbackDeliveredEvent")
                + "&aggregateId=" + byInspector.inspectionId))).hasSize(1);
        assertThat(items(auditor().get("/api/audit/events?user=admin&aggregateId=" + byAdmin.inspectionId)))
                .hasSize(InspectionHistory.EVENTS);
        assertThat(items(auditor().get("/api/audit/events?user=inspector&aggregateId=" + byAdmin.inspectionId))).isEmpty();

        List<JsonNode> all = items(auditor().get("/api/audit/events?aggregateId=" + byInspector.inspectionId));
        Instant from = Instant.parse(all.get(2).get("recordedAt").asText());
        Instant to = Instant.parse(all.get(5).get("recordedAt").asText());
        List<Long> expected = all.stream().filter(e -> {
            Instant t = Instant.parse(e.get("recordedAt").asText());
            return !t.isBefore(from) && t.isBefore(to);
        }).map(e -> e.get("position").asLong()).toList();
        assertThat(items(auditor().get("/api/audit/events?aggregateId=" + byInspector.inspectionId + "&from=" + q(from.toString())
                + "&to=" + q(to.toString()))))
                .extracting(e -> e.get("position").asLong()).isEqualTo(expected).isNotEmpty();

        String correlation = all.get(3).get("correlationId").asText();
        assertThat(items(auditor().get("/api/audit/events?correlationId=" + q(correlation))))
                .extracting(e -> e.get("position").asLong()).containsExactly(all.get(3).get("position").asLong());
    }

    @Test
    void isForAuditorsAndAdminsOnlyAndChecksItsParameters() {
        assertThat(api.as("inspector").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/audit/events").status()).isEqualTo(401);
        assertThat(api.as("admin").get("/api/audit/events?limit=1").status()).isEqualTo(200);
        ApiClient.Response tooMany = auditor().get("/api/audit/events?limit=5000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(auditor().get("/api/audit/events?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void exportsNdjsonWithTheStoredBytesAndCsv() throws Exception {
        InspectionHistory h = InspectionHistory.write(api, "inspector");

        ApiClient.Response ndjson = auditor().get("/api/audit/events.ndjson?aggregateId=" + h.inspectionId);
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        String[] lines = ndjson.text().split("\n");
        assertThat(lines).hasSize(InspectionHistory.EVENTS);
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            JsonNode fromBytes = JSON.readTree(Base64.getDecoder().decode(e.get("payloadBase64").asText()));
            assertThat(fromBytes).isEqualTo(e.get("payload"));
            assertThat(JSON.readTree(Base64.getDecoder().decode(e.get("metaDataBase64").asText())).get("userId").asText())
                    .isEqualTo("inspector");
            assertThat(e.get("timeStamp").asText()).isNotBlank();
        }

        ApiClient.Response byAccept = auditor().header("Accept", "application/x-ndjson")
                .get("/api/audit/events?aggregateId=" + h.inspectionId);
        assertThat(byAccept.contentType()).startsWith("application/x-ndjson");
        assertThat(withoutChain(byAccept.text())).isEqualTo(withoutChain(ndjson.text())); // the writer may chain meanwhile

        ApiClient.Response csv = auditor().header("Accept", "text/csv").get("/api/audit/events.csv?aggregateId=" + h.inspectionId);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.text();
        assertThat(text).startsWith("\uFEFFposition,event_id,aggregate_type,aggregate_id,");
        assertThat(text.split("\r\n")).hasSize(InspectionHistory.EVENTS + 1);
        assertThat(text).contains("FindingCorrectedEvent").contains("补充问题表现");
    }

    private static List<JsonNode> withoutChain(String ndjson) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
            e.remove(List.of("chainHash", "chainPrevHash"));
            lines.add(e);
        }
        return lines;
    }

    @Test
    void rebuildsTheStateOfAnAggregateAsOfAPastPointFromItsEvents() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        List<JsonNode> events = items(auditor().get("/api/audit/events?aggregateId=" + h.inspectionId));
        long secondPosition = events.get(1).get("position").asLong();

        JsonNode atSecond = auditor().get("/api/audit/aggregates/" + h.inspectionId + "?position=" + secondPosition).json();
        assertThat(atSecond.get("version").asLong()).isEqualTo(1);
        assertThat(atSecond.get("eventCount").asLong()).isEqualTo(2);
        assertThat(atSecond.get("lastPosition").asLong()).isEqualTo(secondPosition);
        assertThat(atSecond.get("aggregateType").asText()).isEqualTo("Inspection");
        assertThat(atSecond.get("state").get("inspectedUnit").asText()).isEqualTo("市审计局");
        assertThat(atSecond.get("state").get("date").asText()).isEqualTo(h.fieldworkStart.toString());
        assertThat(atSecond.get("state").has("feedbackDate")).isFalse();
        assertThat(atSecond.get("events")).hasSize(2);

        Instant fifthRecorded = Instant.parse(events.get(4).get("recordedAt").asText());
        JsonNode asOf = auditor().get("/api/audit/aggregates/" + h.inspectionId + "?asOf=" + q(fifthRecorded.toString())).json();
        long expectedCount = events.stream().filter(e -> !Instant.parse(e.get("recordedAt").asText()).isAfter(fifthRecorded)).count();
        assertThat(asOf.get("eventCount").asLong()).isEqualTo(expectedCount).isGreaterThanOrEqualTo(5);

        JsonNode now = auditor().get("/api/audit/aggregates/" + h.inspectionId).json();
        assertThat(now.get("version").asLong()).isEqualTo(InspectionHistory.EVENTS - 1);
        assertThat(now.get("state").get("feedbackDate").asText()).isEqualTo(h.feedbackDate.toString());
        assertThat(now.get("state").get("reason").asText()).isEqualTo("补充问题表现");

        long beforeFirst = events.get(0).get("position").asLong() - 1;
        assertThat(auditor().get("/api/audit/aggregates/" + h.inspectionId + "?position=" + beforeFirst).status()).isEqualTo(404);
        assertThat(auditor().get("/api/audit/aggregates/" + h.inspectionId + "?asOf=2000-01-01").status()).isEqualTo(404);
        assertThat(auditor().get("/api/audit/aggregates/" + h.inspectionId + "?asOf=2000-01-01&position=3").status()).isEqualTo(400);
        assertThat(auditor().get("/api/audit/aggregates/no-such-aggregate").status()).isEqualTo(404);
    }

    @Test
    void followsACausalChainFromItsCorrelationId() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        JsonNode feedback = items(auditor().get("/api/audit/events?type=FeedbackDeliveredEvent&aggregateId=" + h.inspectionId)).get(0);
        String correlationId = feedback.get("correlationId").asText();

        // Delivering feedback makes the rectification context open its ledger (a policy): the chain crosses modules.
        JsonNode chain = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(
                () -> auditor().get("/api/audit/correlations/" + q(correlationId)).json(), c -> c.get("count").asInt() == 2);
        assertThat(chain.get("events").get(0).get("eventId").asText()).isEqualTo(feedback.get("eventId").asText());
        JsonNode opened = chain.get("events").get(1);
        assertThat(opened.get("type").asText()).isEqualTo("RectificationOpenedEvent");
        assertThat(opened.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(opened.get("position").asLong()).isGreaterThan(feedback.get("position").asLong());
        assertThat(auditor().get("/api/audit/correlations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /** A context-specific "as of" view: a folder that decodes the typed events, replayed up to a past position. */
    @Test
    void foldsTypedEventsIntoAContextViewAsOfAPastPosition() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        long beforeCorrection = items(auditor().get("/api/audit/events?type=FeedbackDeliveredEvent&aggregateId=" + h.inspectionId))
                .get(0).get("position").asLong();
        HistoryFolder<Map<String, String>> findingDescriptions = HistoryFolder.of(HashMap::new, (state, event) -> {
            if (event.type().equals("FindingRecordedEvent")) {
                FindingRecordedEvent e = decode(event, FindingRecordedEvent.class);
                state.put(e.findingId(), e.description());
            } else if (event.type().equals("FindingCorrectedEvent")) {
                FindingCorrectedEvent e = decode(event, FindingCorrectedEvent.class);
                state.put(e.findingId(), e.description());
            }
            return state;
        });

        var asOf = history.replay(EventFilter.ofAggregate(h.inspectionId), Cut.atPosition(beforeCorrection), findingDescriptions);
        var now = history.replay(EventFilter.ofAggregate(h.inspectionId), Cut.NOW, findingDescriptions);

        assertThat(asOf.state()).containsEntry("f1", "部分审计发现问题未建立整改台账");
        assertThat(asOf.eventsApplied()).isEqualTo(InspectionHistory.EVENTS - 1);
        assertThat(now.state()).containsEntry("f1", "部分审计发现问题未建立整改台账，跟踪督办缺位");
        assertThat(history.positionAt(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(now.lastPosition());
    }

    private <T> T decode(AuditEvent event, Class<T> type) {
        try {
            return objectMapper.treeToValue(event.payload(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An event caused by an event (a policy reacting in another module) is found through its causation id even when
     * it started a correlation of its own. Written and read inside a transaction that is rolled back, so that the
     * shared event store keeps only real events.
     */
    @Test
    void followsCausationIdsAcrossEvents() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        JsonNode root = items(auditor().get("/api/audit/events?type=FeedbackDeliveredEvent&aggregateId=" + h.inspectionId)).get(0);
        String correlationId = root.get("correlationId").asText();
        String rootId = root.get("eventId").asText();
        // the feedback opens the rectification, in the same correlation: wait for it, so nothing else joins later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> auditor().get("/api/rectifications/" + h.inspectionId).status() == 200);

        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> found = tx.execute(status -> {
            List<String> before = reader.correlated(correlationId).stream().map(r -> r.event().eventIdentifier()).toList();
            assertThat(before).first().isEqualTo(rootId);
            String first = insertSynthetic("other-correlation", rootId);
            String second = insertSynthetic("yet-another", first);
            insertSynthetic("unrelated", UUID.randomUUID().toString());
            List<String> ids = reader.correlated(correlationId).stream().map(r -> r.event().eventIdentifier()).toList();
            status.setRollbackOnly();
            List<String> expected = new ArrayList<>(before);
            expected.addAll(List.of(first, second));
            assertThat(ids).containsExactlyElementsOf(expected);
            return ids;
        });
        assertThat(found).hasSizeGreaterThanOrEqualTo(3);
    }

    private String insertSynthetic(String correlationId, String causationId) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                            payload_type, payload, meta_data)
                        values (:id, :agg, 0, 'Synthetic', :ts, 'test.SyntheticEvent', convert_to('{}', 'UTF8'), convert_to(:meta, 'UTF8'))""")
                .param("id", id).param("agg", "synthetic-" + id).param("ts", Instant.now().toString())
                .param("meta", "{\"correlationId\":\"" + correlationId + "\",\"causationId\":\"" + causationId + "\",\"userId\":\"system\"}")
                .update();
        return id;
    }
}
