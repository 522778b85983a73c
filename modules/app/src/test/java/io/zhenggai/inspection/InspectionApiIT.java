package io.zhenggai.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inspection context through its HTTP API, on real PostgreSQL. */
class InspectionApiIT extends IntegrationTest {

    private String schedule(String id) {
        Response r = api.as("inspector").post("/api/inspections", Map.of(
                "inspectionId", id,
                "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部",
                "mandate", "区委统一部署",
                "legalBasis", List.of("《中国共产党巡视工作条例》", "《中国共产党党内监督条例》"),
                "plannedFieldworkStart", "2023-06-08",
                "plannedFieldworkEnd", "2023-07-28"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/inspections/" + id);
        return id;
    }

    private JsonNode awaitInspection(String id, long version) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            Response r = api.as("auditor").get("/api/inspections/" + id);
            return r.status() == 200 && r.json().get("version").asLong() >= version ? r.json() : null;
        }, node -> node != null);
    }

    @Test
    void carriesAnInspectionThroughItsWholeLifecycle() {
        String round = uniqueId("round");
        assertThat(api.as("inspector").post("/api/inspection-rounds", Map.of("roundId", round, "name", "十三届区委第三轮巡察",
                "organizer", "区委巡察工作领导小组", "periodStart", "2023-06-01", "periodEnd", "2023-09-30")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.as("auditor").get("/api/inspection-rounds/" + round).status() == 200);

        String id = uniqueId("insp");
        Response created = api.as("inspector").post("/api/inspections", Map.of("inspectionId", id, "roundId", round,
                "inspectingBody", "区委第四巡察组", "inspectedUnit", "区委统战部", "plannedFieldworkStart", "2023-06-08",
                "plannedFieldworkEnd", "2023-07-28"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var inspector = api.as("inspector");
        assertThat(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08")).header("ETag")).isEqualTo("\"1\"");
        assertThat(inspector.post("/api/inspections/" + id + "/categories", Map.of("categoryId", "c1",
                "title", "关于贯彻新时代统一战线工作部署还有差距，大统战工作格局不够有力方面")).status()).isEqualTo(201);
        assertThat(inspector.post("/api/inspections/" + id + "/categories", Map.of("categoryId", "c2",
                "title", "关于落实管党治党战略部署有差距方面")).status()).isEqualTo(201);
        assertThat(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f1", "categoryId", "c1",
                "title", "“第一议题”制度落实不够到位", "manifestations", List.of("学习研讨流于形式"))).status()).isEqualTo(201);
        assertThat(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f2", "categoryId", "c2",
                "title", "财务管理制度不健全")).status()).isEqualTo(201);
        assertThat(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f3", "categoryId", "c2",
                "title", "待撤回的问题")).status()).isEqualTo(201);
        assertThat(inspector.put("/api/inspections/" + id + "/findings/f2", Map.of("title", "财务管理制度不够健全",
                "description", "未及时修订")).status()).isEqualTo(200);
        assertThat(inspector.post("/api/inspections/" + id + "/findings/f3/withdrawal", Map.of("reason", "经核实不属实")).status()).isEqualTo(200);
        assertThat(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date", "2023-07-28")).status()).isEqualTo(200);
        Response feedback = inspector.post("/api/inspections/" + id + "/feedback", Map.of("date", "2023-09-12"));
        assertThat(feedback.status()).as(feedback.toString()).isEqualTo(200);
        assertThat(feedback.json().get("version").asLong()).isEqualTo(10);
        Response correction = inspector.post("/api/inspections/" + id + "/findings/f1/corrections", Map.of(
                "title", "“第一议题”制度落实不到位", "reason", "反馈文本措辞更正"));
        assertThat(correction.status()).as(correction.toString()).isEqualTo(200);

        JsonNode view = awaitInspection(id, 11);
        assertThat(view.get("status").asText()).isEqualTo("FEEDBACK_DELIVERED");
        assertThat(view.get("statusLabel").asText()).isEqualTo("已反馈意见");
        assertThat(view.get("feedbackDate").asText()).isEqualTo("2023-09-12");
        assertThat(view.get("roundId").asText()).isEqualTo(round);
        JsonNode categories = view.get("categories");
        assertThat(categories).hasSize(2);
        assertThat(categories.get(0).get("findings").get(0).get("title").asText()).isEqualTo("“第一议题”制度落实不到位");
        assertThat(categories.get(0).get("findings").get(0).get("corrections").asInt()).isEqualTo(1);
        assertThat(categories.get(1).get("findings").get(0).get("title").asText()).isEqualTo("财务管理制度不够健全");
        assertThat(categories.get(1).get("findings").get(1).get("withdrawn").asBoolean()).isTrue();

        Response get = api.as("rectifier").get("/api/inspections/" + id);
        assertThat(get.header("ETag")).isEqualTo("\"11\"");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode r = api.as("unit_leader").get("/api/inspection-rounds/" + round).json();
            assertThat(r.get("inspectionCount").asInt()).isEqualTo(1);
            assertThat(r.get("feedbackDeliveredCount").asInt()).isEqualTo(1);
            assertThat(r.get("findingCount").asInt()).isEqualTo(2);
        });
        JsonNode page = api.as("auditor").get("/api/inspections?roundId=" + round).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("findingCount").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsA400NamingEachFieldAndLeavesNoEvent() {
        long before = eventCount();
        Response r = api.as("inspector").post("/api/inspections", Map.of("inspectionId", "bad id with spaces",
                "plannedFieldworkStart", "2023-06-08"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().findValuesAsText("field")).contains("inspectionId", "inspectingBody", "inspectedUnit", "plannedFieldworkEnd");
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at io.");

        Response badDate = api.as("inspector").post("/api/inspections", "{\"inspectingBody\":\"组\",\"inspectedUnit\":\"单位\","
                + "\"plannedFieldworkStart\":\"2023-02-30\",\"plannedFieldworkEnd\":\"2023-07-28\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("plannedFieldworkStart");

        Response notJson = api.as("inspector").post("/api/inspections", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBrokenRuleIsRefusedInWordsAndLeavesNoEvent() {
        String id = schedule(uniqueId("insp"));
        long before = eventCount(id);
        Response early = api.as("inspector").post("/api/inspections/" + id + "/feedback", Map.of("date", "2023-09-12"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("FIELDWORK_NOT_CONCLUDED");
        assertThat(early.json().get("detail").asText()).contains("巡察尚未结束");

        api.as("inspector").post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08"));
        Response before_start = api.as("inspector").post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date", "2023-06-01"));
        assertThat(before_start.status()).isEqualTo(422);
        assertThat(before_start.json().get("code").asText()).isEqualTo("FIELDWORK_END_BEFORE_START");

        Response future = api.as("inspector").post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1).toString())); // within the date bounds
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("code").asText()).isEqualTo("DATE_IN_FUTURE");

        api.as("inspector").post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date", "2023-07-28"));
        Response noFindings = api.as("inspector").post("/api/inspections/" + id + "/feedback", Map.of("date", "2023-09-12"));
        assertThat(noFindings.status()).isEqualTo(422);
        assertThat(noFindings.json().get("code").asText()).isEqualTo("NO_FINDINGS");
        assertThat(eventCount(id)).isEqualTo(before + 2); // only fieldwork start and conclusion were recorded
    }

    @Test
    void authenticationAndRolesAreEnforced() {
        assertThat(api.anonymous().get("/api/inspections").status()).isEqualTo(401);
        Response wrongPassword = api.withPassword("inspector", "wrong").get("/api/inspections");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(wrongPassword.header("WWW-Authenticate")).startsWith("Basic");

        for (String reader : List.of("auditor", "unit_leader", "rectifier", "inspector", "admin")) {
            assertThat(api.as(reader).get("/api/inspections").status()).as(reader).isEqualTo(200);
        }
        for (String outsider : List.of("publisher", "finance_officer")) {
            Response r = api.as(outsider).get("/api/inspections");
            assertThat(r.status()).as(outsider).isEqualTo(403);
            assertThat(r.json().get("code").asText()).isEqualTo("FORBIDDEN");
        }
        long before = eventCount();
        for (String reader : List.of("auditor", "unit_leader", "rectifier", "publisher")) {
            Response r = api.as(reader).post("/api/inspections", Map.of("inspectingBody", "组", "inspectedUnit", "单位",
                    "plannedFieldworkStart", "2023-06-08", "plannedFieldworkEnd", "2023-07-28"));
            assertThat(r.status()).as(reader).isEqualTo(403);
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.as("admin").post("/api/inspections", Map.of("inspectingBody", "组", "inspectedUnit", "单位",
                "plannedFieldworkStart", "2023-06-08", "plannedFieldworkEnd", "2023-07-28")).status()).isEqualTo(201);
    }

    @Test
    void unknownIdsAre404() {
        Response r = api.as("auditor").get("/api/inspections/does-not-exist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("NOT_FOUND");
        long before = eventCount();
        assertThat(api.as("inspector").post("/api/inspections/does-not-exist/fieldwork/start", Map.of("date", "2023-06-08")).status())
                .isEqualTo(404);
        assertThat(api.as("auditor").get("/api/inspection-rounds/nope").status()).isEqualTo(404);
        assertThat(api.as("inspector").post("/api/inspections", Map.of("roundId", "no-such-round", "inspectingBody", "组",
                "inspectedUnit", "单位", "plannedFieldworkStart", "2023-06-08", "plannedFieldworkEnd", "2023-07-28")).status()).isEqualTo(404);
        String id = schedule(uniqueId("insp"));
        api.as("inspector").post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08"));
        assertThat(api.as("inspector").put("/api/inspections/" + id + "/findings/nope", Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before + 2);
    }

    @Test
    void aStaleIfMatchIsA409WithTheCurrentVersionAndChangesNothing() {
        String id = schedule(uniqueId("insp"));
        Response started = api.as("inspector").header("If-Match", "\"0\"")
                .post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08"));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");

        long before = eventCount(id);
        Response stale = api.as("inspector").header("If-Match", "\"0\"")
                .post("/api/inspections/" + id + "/categories", Map.of("title", "方面"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(eventCount(id)).isEqualTo(before);

        assertThat(api.as("inspector").header("If-Match", "\"1\"")
                .post("/api/inspections/" + id + "/categories", Map.of("title", "方面")).status()).isEqualTo(201);
    }

    @Test
    void concurrentEditsOfOneInspectionNeverLoseAnUpdate() throws Exception {
        String id = schedule(uniqueId("insp"));
        api.as("inspector").post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08"));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> tasks = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                tasks.add(() -> api.as("inspector").header("If-Match", "\"1\"")
                        .post("/api/inspections/" + id + "/categories", Map.of("title", "方面" + n)).status());
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(writers - 1);
            assertThat(eventCount(id)).isEqualTo(3);

            List<Callable<Integer>> blind = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                blind.add(() -> api.as("inspector").post("/api/inspections/" + id + "/categories", Map.of("title", "并发" + n)).status());
            }
            for (Future<Integer> f : pool.invokeAll(blind)) {
                assertThat(f.get()).isEqualTo(201);
            }
            assertThat(eventCount(id)).isEqualTo(3 + writers);
            JsonNode view = awaitInspection(id, 2 + writers);
            assertThat(view.get("categories")).hasSize(1 + writers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyEventRecordsWhoCausedItAndTheCommandThatCausedIt() {
        String id = uniqueId("insp");
        Response r = api.as("inspector").header("X-Request-Id", "req-" + id).post("/api/inspections", Map.of("inspectionId", id,
                "inspectingBody", "区委第四巡察组", "inspectedUnit", "区委统战部", "plannedFieldworkStart", "2023-06-08",
                "plannedFieldworkEnd", "2023-07-28"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Request-Id")).isEqualTo("req-" + id);
        api.as("admin").post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-06-08"));

        List<Map<String, Object>> rows = jdbc.sql("""
                        select sequence_number, convert_from(meta_data, 'UTF8') as meta, time_stamp
                        from domain_event_entry where aggregate_identifier = :id order by sequence_number""")
                .param("id", id).query().listOfRows();
        assertThat(rows).hasSize(2);
        JsonNode first = readJson((String) rows.get(0).get("meta"));
        assertThat(first.get("userId").asText()).isEqualTo("inspector");
        assertThat(first.get("commandName").asText()).isEqualTo("ScheduleInspectionCommand");
        assertThat(first.get("requestId").asText()).isEqualTo("req-" + id);
        assertThat(first.get("correlationId").asText()).isNotBlank();
        assertThat(first.get("causationId").asText()).isEqualTo(first.get("correlationId").asText());
        assertThat((String) rows.get(0).get("time_stamp")).isNotBlank();
        JsonNode second = readJson((String) rows.get(1).get("meta"));
        assertThat(second.get("userId").asText()).isEqualTo("admin");
        assertThat(second.get("commandName").asText()).isEqualTo("StartFieldworkCommand");
        assertThat(second.get("requestId").asText()).isEqualTo(requestId); // every request of this test carries its own id
        assertThat(second.get("correlationId").asText()).isNotEqualTo(first.get("correlationId").asText());
    }

    @Test
    void theEventTableIsAppendOnly() {
        String id = schedule(uniqueId("insp"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                jdbc.sql("update domain_event_entry set payload_type = 'x' where aggregate_identifier = :id").param("id", id).update()))
                .rootCause().hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                jdbc.sql("delete from domain_event_entry where aggregate_identifier = :id").param("id", id).update()))
                .rootCause().hasMessageContaining("append-only");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void publishesOpenApiAndHealthWithoutLogin() {
        Response health = api.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        Response docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/inspections/{inspectionId}/feedback")).isTrue();
    }

    private static JsonNode readJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
