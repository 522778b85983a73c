package io.zhenggai.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every projection rebuilt from the event store ends up exactly as incremental processing built it: the read-model
 * tables are dumped before and after the replay and compared.
 */
class ProjectionReplayIT extends IntegrationTest {

    /** Tables that are not read models: the event store and its machinery, accounts, schema history, the audit chain. */
    private static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "dead_letter_entry", "scheduled_tasks", "app_user", "app_user_role",
            "flyway_schema_history");

    private ApiClient admin() {
        return api.as("admin");
    }

    private List<JsonNode> projections() {
        ApiClient.Response r = admin().get("/api/admin/projections");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().get("projections").forEach(list::add);
        return list;
    }

    private long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    private void awaitCaughtUp(long head) {
        var last = new Object() {
            List<JsonNode> seen;
        };
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                last.seen = projections();
                return last.seen.stream()
                        .filter(p -> p.get("processorType").asText().contains("Streaming"))
                        .allMatch(p -> !p.get("replaying").asBoolean() && !p.get("position").isNull()
                                && p.get("position").asLong() >= head);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("processors did not reach position " + head + ": " + last.seen, e);
        }
    }

    private Map<String, String> dumpReadModels() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        Map<String, String> dump = new LinkedHashMap<>();
        for (String table : tables) {
            if (NOT_READ_MODELS.contains(table) || table.startsWith("audit_")) {
                continue;
            }
            dump.put(table, jdbc.sql("select coalesce(json_agg(t order by t::text), '[]')::text from \"" + table + "\" t")
                    .query(String.class).single());
        }
        return dump;
    }

    @Test
    void listsTheStreamingProcessorsWithTheirPositionAgainstTheHead() {
        InspectionHistory.write(api, "inspector");
        long head = head();
        awaitCaughtUp(head);

        JsonNode inspection = projections().stream().filter(p -> p.get("name").asText().equals("inspection-projection"))
                .findFirst().orElseThrow();
        assertThat(inspection.get("running").asBoolean()).isTrue();
        assertThat(inspection.get("replaying").asBoolean()).isFalse();
        assertThat(inspection.get("supportsReset").asBoolean()).isTrue();
        assertThat(inspection.get("head").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(inspection.get("segments")).isNotEmpty();
        assertThat(inspection.get("segments").get(0).get("position").asLong()).isGreaterThanOrEqualTo(head);

        assertThat(api.as("auditor").get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(admin().post("/api/admin/projections/no-such-projection/replay", null).status()).isEqualTo(404);
    }

    @Test
    void rebuildsEveryProjectionToWhatIncrementalProcessingBuilt() {
        InspectionHistory h = InspectionHistory.write(api, "inspector");
        InspectionHistory.write(api, "admin");
        // policies react to events with new events (feedback delivered → rectification opened): wait until the
        // store is quiet, i.e. every processor has caught up with a head that no longer moves
        long head;
        do {
            head = head();
            awaitCaughtUp(head);
        } while (head() != head);
        Map<String, String> before = dumpReadModels();
        assertThat(before).containsKey("inspection");
        assertThat(before.get("inspection")).contains(h.inspectionId).contains("市审计局");

        // spoil the read model: only a rebuild from the events puts it right again
        jdbc.sql("update inspection set inspected_unit = '被改动的读模型' where inspection_id = :id").param("id", h.inspectionId).update();
        jdbc.sql("delete from inspection_finding where inspection_id = :id").param("id", h.inspectionId).update();
        jdbc.sql("insert into inspection_round (round_id, name, created_at) values ('stray-round', '没有事件的轮次', now())").update();
        assertThat(dumpReadModels()).isNotEqualTo(before);

        List<String> replayed = new ArrayList<>();
        for (JsonNode p : projections()) {
            if (!p.get("supportsReset").asBoolean()) {
                continue;
            }
            String name = p.get("name").asText();
            ApiClient.Response r = admin().post("/api/admin/projections/" + name + "/replay", null);
            assertThat(r.status()).as(r.toString()).isEqualTo(202);
            assertThat(r.json().get("lastReplay").get("requestedBy").asText()).isEqualTo("admin");
            replayed.add(name);
            // the API keeps answering while the projection is rebuilt
            assertThat(api.as("inspector").get("/api/inspections?size=5").status()).isEqualTo(200);
        }
        assertThat(replayed).contains("inspection-projection");

        awaitCaughtUp(head);
        assertThat(dumpReadModels()).isEqualTo(before);
    }
}
