package io.zhenggai.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One event must not stop a projection. A handler that cannot apply an event parks that event's sequence (its
 * aggregate) in the dead-letter queue and the projection goes on to the head; the status shows the dead letter and
 * its cause; an administrator retries or evicts it, and each decision is an event in the store. Events stored with
 * a NUL before the edge refused it are read with U+FFFD, by the projections, the aggregate and the audit.
 */
class PoisonEventIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = PoisonTestProjection.GROUP;

    @AfterEach
    void heal() {
        PoisonTestProjection.healed = true; // later tests (a replay of every projection) see no poison
    }

    private ApiClient admin() {
        return api.as("admin");
    }

    private String schedule(String unit) {
        String id = uniqueId("poison");
        LocalDate start = LocalDate.now(InspectionHistory.ZONE).minusDays(10);
        ApiClient.Response r = api.as("inspector").post("/api/inspections", Map.of("inspectionId", id,
                "inspectingBody", "市委第二巡察组", "inspectedUnit", unit, "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", start.toString(), "plannedFieldworkEnd", start.plusDays(5).toString()));
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return id;
    }

    private void startFieldwork(String id) {
        ApiClient.Response r = api.as("inspector").post("/api/inspections/" + id + "/fieldwork/start",
                Map.of("date", LocalDate.now(InspectionHistory.ZONE).minusDays(9).toString()));
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }

    private long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    private JsonNode status() {
        ApiClient.Response r = admin().get("/api/admin/projections/" + GROUP);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private List<JsonNode> letters() {
        ApiClient.Response r = admin().get("/api/admin/projections/" + GROUP + "/dead-letters");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        r.json().get("deadLetters").forEach(list::add);
        return list;
    }

    private List<JsonNode> lettersOf(String inspectionId) {
        return letters().stream().filter(l -> l.get("aggregateIdentifier").asText().equals(inspectionId)).toList();
    }

    private JsonNode recordedDecision(String eventId) {
        String payload = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where event_identifier = :id")
                .param("id", eventId).query(String.class).single();
        String meta = jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry where event_identifier = :id")
                .param("id", eventId).query(String.class).single();
        try {
            ObjectNode both = JSON.createObjectNode();
            both.set("payload", JSON.readTree(payload));
            both.set("meta", JSON.readTree(meta));
            return both;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFailingEventIsParkedTheProjectionReachesTheHeadAndRetryAppliesTheSequenceInOrder() {
        PoisonTestProjection.healed = false;
        String poisoned = schedule(PoisonTestProjection.POISON + "甲");
        startFieldwork(poisoned); // a later event of the same sequence: parked behind the first, never applied out of order
        String healthy = schedule("市审计局");
        startFieldwork(healthy);
        long head = head();

        // the rest of the projection advances to the head; the poisoned sequence is parked with its cause
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode s = status();
            assertThat(s.get("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(lettersOf(poisoned)).hasSize(2);
        });
        assertThat(PoisonTestProjection.applied.get(healthy)).containsExactly("scheduled", "fieldwork-started");
        assertThat(PoisonTestProjection.applied).doesNotContainKey(poisoned);
        JsonNode s = status();
        assertThat(s.get("error").asBoolean()).isFalse();
        assertThat(s.get("stalled").asBoolean()).isFalse();
        assertThat(s.get("deadLetters").get("letters").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(s.get("deadLetters").get("latestCause").asText()).contains("0x00");
        List<JsonNode> parked = lettersOf(poisoned);
        JsonNode first = parked.get(0);
        assertThat(first.get("payloadType").asText()).endsWith("InspectionScheduledEvent");
        assertThat(first.get("cause").asText()).contains("0x00");
        assertThat(first.get("eventPosition").asLong()).isPositive();
        assertThat(parked.get(1).get("payloadType").asText()).endsWith("FieldworkStartedEvent");
        assertThat(parked.get(1).get("sequenceIndex").asLong()).isGreaterThan(first.get("sequenceIndex").asLong());
        // the inspection's own projection was not affected
        assertThat(api.as("inspector").get("/api/inspections/" + poisoned).status()).isEqualTo(200);

        // only an administrator decides, and always with a reason
        String retry = "/api/admin/projections/" + GROUP + "/dead-letters/" + first.get("id").asText() + "/retry";
        assertThat(api.as("auditor").post(retry, Map.of("reason", "试试")).status()).isEqualTo(403);
        assertThat(admin().post(retry, Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(admin().post("/api/admin/projections/" + GROUP + "/dead-letters/no-such-letter/retry",
                Map.of("reason", "不存在")).status()).isEqualTo(404);

        // a retry that fails again keeps the letters, counts the retry, and is recorded
        ApiClient.Response failed = admin().post(retry, Map.of("reason", "数据库已修复，重试"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.json().get("succeeded").asBoolean()).isFalse();
        assertThat(lettersOf(poisoned)).hasSize(2);
        assertThat(lettersOf(poisoned).get(0).get("retries").asLong()).isEqualTo(1);
        JsonNode failedEvent = recordedDecision(failed.json().get("recordedEventId").asText());
        assertThat(failedEvent.get("payload").get("succeeded").asBoolean()).isFalse();
        assertThat(failedEvent.get("payload").get("cause").asText()).contains("0x00");

        // healed: the retry applies the whole sequence, in order, and the letters leave the queue
        PoisonTestProjection.healed = true;
        ApiClient.Response ok = admin().post(retry, Map.of("reason", "处理程序已修复"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("succeeded").asBoolean()).isTrue();
        assertThat(lettersOf(poisoned)).isEmpty();
        assertThat(PoisonTestProjection.applied.get(poisoned)).containsExactly("scheduled", "fieldwork-started");

        JsonNode recorded = recordedDecision(ok.json().get("recordedEventId").asText());
        assertThat(recorded.get("payload").get("processingGroup").asText()).isEqualTo(GROUP);
        assertThat(recorded.get("payload").get("deadLetterId").asText()).isEqualTo(first.get("id").asText());
        assertThat(recorded.get("payload").get("eventIdentifier").asText()).isEqualTo(first.get("eventIdentifier").asText());
        assertThat(recorded.get("payload").get("reason").asText()).isEqualTo("处理程序已修复");
        assertThat(recorded.get("payload").get("succeeded").asBoolean()).isTrue();
        assertThat(recorded.get("meta").get("userId").asText()).isEqualTo("admin");

        // the auditor sees the decisions in the history
        // (an event that no aggregate published is stored under its own id)
        ApiClient.Response history = api.as("auditor").get("/api/audit/events?aggregateId=" + ok.json().get("recordedEventId").asText());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode item = history.json().get("items").get(0);
        assertThat(item.get("type").asText()).isEqualTo("DeadLetterRetriedEvent");
        assertThat(item.get("userId").asText()).isEqualTo("admin");

        // later events of the sequence are applied directly again
        ApiClient.Response concluded = api.as("inspector").post("/api/inspections/" + poisoned + "/fieldwork/conclude",
                Map.of("date", LocalDate.now(InspectionHistory.ZONE).minusDays(5).toString()));
        assertThat(concluded.status()).as(concluded.toString()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(30)).until(() -> status().get("position").asLong() >= head());
        assertThat(lettersOf(poisoned)).isEmpty();
    }

    @Test
    void anEvictedLetterIsNeverAppliedAndTheEvictionIsRecorded() {
        PoisonTestProjection.healed = false;
        String poisoned = schedule(PoisonTestProjection.POISON + "乙");
        await().atMost(Duration.ofSeconds(30)).until(() -> lettersOf(poisoned).size() == 1);
        JsonNode letter = lettersOf(poisoned).get(0);

        ApiClient.Response r = admin().post("/api/admin/projections/" + GROUP + "/dead-letters/"
                + letter.get("id").asText() + "/evict", Map.of("reason", "测试数据，不需要进入投影"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(lettersOf(poisoned)).isEmpty();
        JsonNode recorded = recordedDecision(r.json().get("recordedEventId").asText());
        assertThat(recorded.get("payload").get("reason").asText()).isEqualTo("测试数据，不需要进入投影");
        assertThat(recorded.get("payload").get("eventIdentifier").asText()).isEqualTo(letter.get("eventIdentifier").asText());
        assertThat(recorded.get("payload").get("cause").asText()).contains("0x00");
        assertThat(recorded.get("meta").get("userId").asText()).isEqualTo("admin");
        PoisonTestProjection.healed = true;
        startFieldwork(poisoned);
        await().atMost(Duration.ofSeconds(30)).until(() -> PoisonTestProjection.applied.containsKey(poisoned));
        assertThat(PoisonTestProjection.applied.get(poisoned)).containsExactly("fieldwork-started");
    }

    @Test
    void aNulStoredBeforeTheEdgeRefusedItIsReadAsAReplacementCharacterAndTheRecordStaysAsStored() throws Exception {
        String id = schedule("市审计局");
        // history as it was stored before the edge refused NUL: a category whose title holds U+0000
        Map<String, Object> first = jdbc.sql("select type, meta_data from domain_event_entry where aggregate_identifier = :id and sequence_number = 0")
                .param("id", id).query().singleRow();
        ObjectNode payload = JSON.createObjectNode().put("inspectionId", id).put("categoryId", "c-nul").put("ordinal", 1)
                .put("title", "含\u0000字符的类别");
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                        payload_type, payload_revision, payload, meta_data)
                        values (:eventId, :id, 1, :type, :ts, :payloadType, null, :payload, :meta)""")
                .param("eventId", eventId).param("id", id).param("type", first.get("type")).param("ts", Instant.now().toString())
                .param("payloadType", "io.zhenggai.api.inspection.InspectionEvents$FindingCategoryAddedEvent")
                .param("payload", JSON.writeValueAsBytes(payload)).param("meta", first.get("meta_data")).update();
        long head = head();

        // the projection applies it, with U+FFFD, and has nothing to park
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Response r = api.as("inspector").get("/api/inspections/" + id);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("categories").findValuesAsText("title")).containsExactly("含\uFFFD字符的类别");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/admin/projections/inspection-projection")
                .json().get("position").asLong() >= head);
        assertThat(admin().get("/api/admin/projections/inspection-projection/dead-letters").json().get("deadLetters")).isEmpty();

        // the aggregate loads its history through the same upcaster: the next commands work
        startFieldwork(id);
        ApiClient.Response finding = api.as("inspector").post("/api/inspections/" + id + "/findings",
                Map.of("findingId", "f-nul", "categoryId", "c-nul", "title", "类别标题含有替换字符"));
        assertThat(finding.status()).as(finding.toString()).isBetween(200, 299);

        // the auditor reads U+FFFD too
        ApiClient.Response audit = api.as("auditor").get("/api/audit/events?aggregateId=" + id);
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.json().get("items").findValuesAsText("title")).contains("含\uFFFD字符的类别");

        // and the record is unchanged: the stored bytes still hold the escape of U+0000
        String stored = jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where event_identifier = :e")
                .param("e", eventId).query(String.class).single();
        assertThat(stored).contains("\\u0000").doesNotContain("\\uFFFD");
        assertThat(new String(JSON.writeValueAsBytes(payload), StandardCharsets.UTF_8)).isEqualTo(stored);
    }
}
