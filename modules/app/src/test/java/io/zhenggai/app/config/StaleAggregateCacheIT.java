package io.zhenggai.app.config;

import io.zhenggai.api.inspection.InspectionEvents.FindingCategoryAddedEvent;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another node writes to an aggregate that this node holds in its aggregate cache (ADR 0033): simulated by appending
 * an event straight to the event store, past this node's repository and cache. The cached aggregate is then stale.
 * A command without {@code If-Match} collides with the stored sequence number, is evicted and retried on fresh state
 * and succeeds after the other node's event; a command with the {@code If-Match} version the client saw before the
 * other node's write is refused with 409 and the current version, never applied on top (no lost update).
 */
class StaleAggregateCacheIT extends IntegrationTest {

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void aStaleCacheEntryIsEvictedAndTheCommandRetriedOnFreshState() {
        ApiClient inspector = api.as("inspector");
        String id = uniqueId("cache");
        LocalDate today = LocalDate.now(clock);
        expect(inspector.post("/api/inspections", body("inspectionId", id, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部", "mandate", "区委统一部署", "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", today.minusDays(70), "plannedFieldworkEnd", today.minusDays(40))), 201);
        long seen = version(expect(inspector.post("/api/inspections/" + id + "/categories",
                body("categoryId", "c1", "title", "关于贯彻新时代统一战线工作部署还有差距方面")), 201));

        long otherNodes = appendAsAnotherNode(id, seen + 1, "c9");

        Response retried = expect(inspector.post("/api/inspections/" + id + "/categories",
                body("categoryId", "c2", "title", "关于廉政风险防控不够严实方面")), 201);
        assertThat(version(retried)).as("decided again after the other node's event").isEqualTo(otherNodes + 1);
        assertThat(storedCategories(id)).containsExactly("c1", "c9", "c2");
        assertThat(ordinalOf(id, "c2")).as("the fresh state numbers c2 after c9").isEqualTo(3);

        long otherNodesAgain = appendAsAnotherNode(id, version(retried) + 1, "c8");

        Response conflict = inspector.header("If-Match", "\"" + version(retried) + "\"")
                .post("/api/inspections/" + id + "/categories", body("categoryId", "c3", "title", "关于选人用人方面"));
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.json().get("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(conflict.json().get("currentVersion").asLong()).isEqualTo(otherNodesAgain);
        assertThat(storedCategories(id)).as("the refused command left nothing").containsExactly("c1", "c9", "c2", "c8");
    }

    @Test
    void aStreamOfSeveralBatchesIsReadWholeAndEndsAtItsLastEvent() {
        ApiClient inspector = api.as("inspector");
        String id = uniqueId("long");
        LocalDate today = LocalDate.now(clock);
        expect(inspector.post("/api/inspections", body("inspectionId", id, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部", "mandate", "区委统一部署", "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", today.minusDays(70), "plannedFieldworkEnd", today.minusDays(40))), 201);
        for (long seq = 1; seq <= 199; seq++) { // 200 events: exactly two batches of 100, then an empty one
            appendAsAnotherNode(id, seq, "x" + seq);
        }

        Response added = expect(inspector.post("/api/inspections/" + id + "/categories",
                body("categoryId", "last", "title", "第二百零一个问题方面")), 201);

        assertThat(version(added)).as("loaded all 200 events before deciding").isEqualTo(200);
        assertThat(ordinalOf(id, "last")).isEqualTo(200);
        assertThat(storageEngine.readEvents(id).asStream().count()).isEqualTo(201);
        assertThat(storageEngine.readEvents(id, 150).asStream().map(e -> e.getSequenceNumber()).toList())
                .as("a read from the middle ends at the last event").hasSize(51).endsWith(200L);
    }

    /** Appends a category event at {@code sequence} as another node would: straight into the event store. */
    private long appendAsAnotherNode(String inspectionId, long sequence, String categoryId) {
        int ordinal = storedCategories(inspectionId).size() + 1;
        storageEngine.appendEvents(new GenericDomainEventMessage<>("Inspection", inspectionId, sequence,
                new FindingCategoryAddedEvent(inspectionId, categoryId, ordinal, "另一节点添加的问题方面 " + categoryId),
                MetaData.with("userId", "inspector").and("commandName", "AddFindingCategoryCommand")));
        return sequence;
    }

    private List<String> storedCategories(String inspectionId) {
        return jdbc.sql("select convert_from(payload, 'UTF8')::jsonb ->> 'categoryId' from domain_event_entry "
                        + "where aggregate_identifier = :id and payload_type like '%FindingCategoryAddedEvent' order by sequence_number")
                .param("id", inspectionId).query(String.class).list();
    }

    private int ordinalOf(String inspectionId, String categoryId) {
        return jdbc.sql("select (convert_from(payload, 'UTF8')::jsonb ->> 'ordinal')::int from domain_event_entry "
                        + "where aggregate_identifier = :id and convert_from(payload, 'UTF8')::jsonb ->> 'categoryId' = :c")
                .param("id", inspectionId).param("c", categoryId).query(Integer.class).single();
    }

    private static long version(Response r) {
        return r.json().get("version").asLong();
    }

    private static Response expect(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }
}
