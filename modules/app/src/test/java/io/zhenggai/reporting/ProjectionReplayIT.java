package io.zhenggai.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.app.support.ReadModels;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every projection rebuilt from the event store ends up exactly as incremental processing built it: the read-model
 * tables are dumped before and after the replay and compared.
 */
class ProjectionReplayIT extends IntegrationTest {

    @Autowired
    private Scheduler deadlines;

    private ReadModels readModels() {
        return new ReadModels(api, jdbc);
    }

    private ApiClient admin() {
        return api.as("admin");
    }

    @Test
    void listsTheStreamingProcessorsWithTheirPositionAgainstTheHead() {
        InspectionHistory.write(api, "inspector");
        long head = readModels().head();
        readModels().awaitAt(head, Duration.ofSeconds(60));

        JsonNode inspection = readModels().projections().stream().filter(p -> p.get("name").asText().equals("inspection-projection"))
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
        // The tests share one database, and deadlines that other tests scheduled fire while this one runs (an item
        // falls due, a notice window closes): their events would change the read models between the dump before and
        // the dump after the replay. Hold the deadline scheduler for the duration of the comparison.
        deadlines.pause();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> deadlines.getCurrentlyExecuting().isEmpty());
            compareReplayWithIncremental(h);
        } finally {
            deadlines.resume();
        }
    }

    private void compareReplayWithIncremental(InspectionHistory h) {
        // policies react to events with new events (feedback delivered → rectification opened): wait until the
        // store is quiet, i.e. every processor has caught up with a head that no longer moves
        ReadModels readModels = readModels();
        long head = readModels.awaitQuietAtHead(Duration.ofSeconds(60));
        Map<String, String> before = readModels.dump();
        assertThat(before).containsKey("inspection");
        assertThat(before.get("inspection")).contains(h.inspectionId).contains("市审计局");

        // spoil the read model: only a rebuild from the events puts it right again
        jdbc.sql("update inspection set inspected_unit = '被改动的读模型' where inspection_id = :id").param("id", h.inspectionId).update();
        jdbc.sql("delete from inspection_finding where inspection_id = :id").param("id", h.inspectionId).update();
        jdbc.sql("insert into inspection_round (round_id, name, created_at) values ('stray-round', '没有事件的轮次', now())").update();
        assertThat(readModels.dump()).isNotEqualTo(before);

        List<String> replayed = new ArrayList<>();
        for (JsonNode p : readModels.projections()) {
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

        readModels.awaitAt(head, Duration.ofSeconds(60));
        assertThat(readModels.dump()).isEqualTo(before);
    }
}
