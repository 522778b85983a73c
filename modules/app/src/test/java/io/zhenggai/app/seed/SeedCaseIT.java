package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case files through {@code POST /api/admin/seeds} on real PostgreSQL: items in every status load, a bad file is
 * refused whole before anything is sent, and a step the API refuses midway is reported and resumed after a fix.
 */
class SeedCaseIT extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The synthetic case {@code cases/every-status.json} under fresh ids. */
    static ObjectNode everyStatusCase(String id) throws IOException {
        try (InputStream in = SeedCaseIT.class.getClassLoader().getResourceAsStream("cases/every-status.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ID@", id);
            return (ObjectNode) JSON.readTree(text);
        }
    }

    private JsonNode item(String inspectionId, String itemId) {
        return api.as("auditor").get("/api/rectifications/" + inspectionId + "/items/" + itemId).json();
    }

    private long journalRows(String caseId) {
        return jdbc.sql("select count(*) from seed_journal where case_id = :c and step_key not like 'var:%'")
                .param("c", caseId).query(Long.class).single();
    }

    private JsonNode status(String caseId) {
        JsonNode cases = api.as("admin").get("/api/admin/seeds/status?caseId=" + caseId).json().path("cases");
        assertThat(cases).hasSize(1);
        return cases.get(0);
    }

    @Test
    void aCaseWithItemsInEveryStatusLoads() throws IOException {
        String id = uniqueId("every");
        Response loaded = api.as("admin").post("/api/admin/seeds", everyStatusCase(id));
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        assertThat(loaded.json().path("sent").asInt()).isGreaterThan(30);

        Map<String, String[]> expected = Map.of(
                "i1", new String[]{"COMPLETED", "CLOSED_OFF"},
                "i2", new String[]{"IN_PROGRESS", "NONE"},
                "i3", new String[]{"NOT_STARTED", "NONE"},
                "i4", new String[]{"BASICALLY_COMPLETED", "NONE"},
                "i5", new String[]{"NOT_COMPLETED", "NONE"},
                "i6", new String[]{"LONG_TERM_MECHANISM_ESTABLISHED", "NONE"},
                "i7", new String[]{"IN_PROGRESS", "NONE"});
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expected.forEach((itemId, want) -> {
            JsonNode item = item(id, itemId);
            assertThat(item.path("status").asText()).as(itemId).isEqualTo(want[0]);
            assertThat(item.path("closeOff").asText()).as(itemId).isEqualTo(want[1]);
        }));
        assertThat(item(id, "i6").path("responsibleLeaderId").asText()).isEqualTo("lg-2");
        assertThat(item(id, "i2").path("responsibleLeaderId").asText()).isEqualTo("lg-3");
        assertThat(item(id, "i2").path("handler").asText()).isEqualTo("经办人戊");
        assertThat(item(id, "i2").path("originalDueDate").asText()).isEqualTo("2024-06-30");
        assertThat(item(id, "i2").path("currentDueDate").asText()).isEqualTo("2024-09-30");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode accountability = api.as("auditor").get("/api/rectifications/" + id + "/accountability").json();
            assertThat(accountability.path("total").asInt()).isEqualTo(5);
            JsonNode money = api.as("auditor").get("/api/finance/money-outcomes?inspectionId=" + id).json();
            assertThat(money.path("items")).hasSize(2);
            assertThat(money.path("total").decimalValue()).isEqualByComparingTo("72525.50");
            JsonNode inspection = api.as("auditor").get("/api/inspections/" + id).json();
            assertThat(inspection.path("roundId").asText()).isEqualTo(id + "-round");
        });
        assertThat(status(id).path("state").asText()).isEqualTo("LOADED");

        Response again = api.as("admin").post("/api/admin/seeds", everyStatusCase(id));
        assertThat(again.json().path("sent").asInt()).isZero();
    }

    @Test
    void aRoundOfInspectionsLoadsFromOneFile() throws IOException {
        String id = uniqueId("round");
        ObjectNode template = everyStatusCase(id);
        ObjectNode file = JSON.createObjectNode();
        file.put("caseId", id).put("synthetic", true);
        file.set("round", template.path("round"));
        var units = file.putArray("inspections");
        for (String suffix : java.util.List.of("a", "b")) {
            ObjectNode unit = everyStatusCase(id + "-" + suffix);
            for (String field : java.util.List.of("caseId", "description", "synthetic", "round")) {
                unit.remove(field);
            }
            units.add(unit);
        }

        Response loaded = api.as("admin").post("/api/admin/seeds", file);

        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode inspections = api.as("auditor").get("/api/inspections?roundId=" + id + "-round&size=200").json();
            assertThat(inspections.findValuesAsText("inspectionId")).contains(id + "-a", id + "-b");
            assertThat(item(id + "-b", "i2").path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(item(id + "-a", "i1").path("closeOff").asText()).isEqualTo("CLOSED_OFF");
        });
    }

    @Test
    void aBadFileIsRefusedWholeNamingStepAndFieldAndSendsNothing() throws IOException {
        String id = uniqueId("bad");
        ObjectNode c = everyStatusCase(id);
        ((ObjectNode) c.at("/categories/0/items/1")).remove("dueDate");              // TIME_BOUND without a due date
        ((ObjectNode) c.at("/categories/0/items/3")).put("dueDate", "2024-13-01");    // not a date
        ((ObjectNode) c.at("/categories/0/items/4")).put("status", "DONE");           // no such status

        Response refused = api.as("admin").post("/api/admin/seeds", c);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("CASE_FILE_INVALID");
        assertThat(problem.path("detail").asText()).contains("categories[0].items[3].dueDate");
        assertThat(problem.path("errors").findValuesAsText("field"))
                .contains("categories[0].items[1].dueDate", "categories[0].items[3].dueDate", "categories[0].items[4].status");
        JsonNode dueDate = null;
        for (JsonNode e : problem.path("errors")) {
            if (e.path("field").asText().equals("categories[0].items[3].dueDate")) {
                dueDate = e;
            }
        }
        assertThat(dueDate).isNotNull();
        assertThat(dueDate.path("step").asText()).isEqualTo("rectification.item.i4");
        assertThat(dueDate.path("message").asText()).isNotBlank();

        assertThat(journalRows(id)).isZero();
        assertThat(eventCount(id)).isZero();
        assertThat(api.as("auditor").get("/api/inspections/" + id).status()).isEqualTo(404);
        JsonNode status = status(id);
        assertThat(status.path("state").asText()).isEqualTo("INVALID");
        assertThat(status.path("errors").findValuesAsText("field")).contains("categories[0].items[3].dueDate");
    }

    @Test
    void aBodyThatIsNoCaseFileIsA400NotA500() {
        for (String body : new String[]{"[1, 2]", "\"a case\"", "{}", "{\"caseId\": \"x\", \"inspection\": 7}"}) {
            Response refused = api.as("admin").post("/api/admin/seeds", body);
            assertThat(refused.status()).as(body + " → " + refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").isArray()).as(refused.text()).isTrue();
        }
    }

    @Test
    void aStepRefusedMidwayIsReportedAndLoadingAgainResumesAfterTheFix() throws IOException {
        String id = uniqueId("midway");
        ObjectNode c = everyStatusCase(id);
        // valid as a file, but the rectification refuses progress dated before the feedback (2023-09-12)
        ((ObjectNode) c.at("/categories/0/items/4/measures/0")).put("date", "2023-01-05");

        Response refused = api.as("admin").post("/api/admin/seeds", c);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("SEED_STEP_REFUSED");
        assertThat(problem.path("step").asText()).isEqualTo("rectification.progress.i5-m1");
        assertThat(problem.path("stepStatus").asInt()).isEqualTo(422);
        assertThat(problem.path("stepProblem").path("code").asText()).isEqualTo("DATE_BEFORE_FEEDBACK");
        int doneBefore = problem.path("sent").asInt();
        assertThat(doneBefore).isGreaterThan(10);
        assertThat(journalRows(id)).isEqualTo(doneBefore);

        JsonNode status = status(id);
        assertThat(status.path("state").asText()).isEqualTo("REFUSED");
        assertThat(status.path("refusal").path("step").asText()).isEqualTo("rectification.progress.i5-m1");
        assertThat(status.path("refusal").path("status").asInt()).isEqualTo(422);
        assertThat(status.path("refusal").path("problem").path("code").asText()).isEqualTo("DATE_BEFORE_FEEDBACK");
        assertThat(status.path("refusal").path("problem").path("detail").asText()).contains("2023-01-05");
        assertThat(status.path("done").asInt()).isEqualTo(doneBefore);

        ((ObjectNode) c.at("/categories/0/items/4/measures/0")).put("date", "2024-03-15");
        Response resumed = api.as("admin").post("/api/admin/seeds", c);

        assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
        assertThat(resumed.json().path("skipped").asInt()).isEqualTo(doneBefore);
        assertThat(resumed.json().path("sent").asInt()).isPositive();
        assertThat(status(id).path("state").asText()).isEqualTo("LOADED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(item(id, "i5").path("status").asText()).isEqualTo("NOT_COMPLETED"));
    }
}
