package io.zhenggai.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.app.support.ReadModels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every projection rebuilt from the event store ends up exactly as incremental processing built it: the read-model
 * tables are dumped before and after the replay and compared.
 */
class ProjectionReplayIT extends IntegrationTest {

    private ApiClient admin() {
        return api.as("admin");
    }

    private ReadModels readModels() {
        return new ReadModels(api, jdbc);
    }

    private List<JsonNode> projections() {
        return readModels().projections();
    }

    private long head() {
        return readModels().head();
    }

    private void awaitCaughtUp(long head) {
        readModels().awaitAt(head, Duration.ofSeconds(60));
    }

    private Map<String, String> dumpReadModels() {
        return readModels().dump();
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
        long head = readModels().awaitQuietAtHead(Duration.ofSeconds(60));
        Map<String, String> before = dumpReadModels();
        assertThat(before).containsKey("inspection");
        assertThat(before.get("inspection")).contains(h.inspectionId).contains("市审计局");

        // spoil the read model: only a rebuild from the events puts it right again
        jdbc.sql("update inspection set inspected_unit = '被改动的读模型' where inspection_id = :id").param("id", h.inspectionId).update();
        jdbc.sql("delete from inspection_finding where inspection_id = :id").param("id", h.inspectionId).update();
        jdbc.sql("insert into inspection_round (round_id, name, created_at) values ('stray-round', '没有事件的轮次', now())").update();
        assertThat(dumpReadModels()).isNotEqualTo(before);

        List<String> replayed = readModels().replayAll();
        assertThat(replayed).contains("inspection-projection");
        // the API keeps answering while the projections are rebuilt
        assertThat(api.as("inspector").get("/api/inspections?size=5").status()).isEqualTo(200);
        JsonNode inspection = projections().stream().filter(p -> p.get("name").asText().equals("inspection-projection"))
                .findFirst().orElseThrow();
        assertThat(inspection.get("lastReplay").get("requestedBy").asText()).isEqualTo("admin");

        awaitCaughtUp(head);
        assertThat(dumpReadModels()).isEqualTo(before);
    }
}
