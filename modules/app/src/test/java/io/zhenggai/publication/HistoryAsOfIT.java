package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.zhenggai.publication.PublicationScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case carried as history is judged on its notice's date, or on an as-of date a person states, never the real
 * today unless {@code ?today=} asks for it: the ledger, the dashboard and its overview, through HTTP on PostgreSQL.
 */
class HistoryAsOfIT extends IntegrationTest {

    /** A 2024 case: one time-bound item due 2024-03-31 still in progress when its notice was published on 2024-03-25. */
    private String historicalCase() {
        String id = uniqueId("hist");
        ApiClient inspector = api.as("inspector");
        ok(inspector.post("/api/inspections", Map.of("inspectionId", id, "inspectingBody", "区委第二巡察组", "inspectedUnit", "区教育局",
                "plannedFieldworkStart", "2023-05-08", "plannedFieldworkEnd", "2023-06-28")), 201);
        ok(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-05-08")), 200);
        ok(inspector.post("/api/inspections/" + id + "/categories", Map.of("categoryId", "c1", "title", "关于财务管理不够规范方面")), 201);
        ok(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "公务接待审批不严")), 201);
        ok(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date", "2023-06-28")), 200);
        ok(inspector.post("/api/inspections/" + id + "/feedback", Map.of("date", "2023-08-10")), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/rectifications/" + id).status() == 200);
        ok(api.as("unit_leader").post("/api/rectifications/" + id + "/group/members", Map.of("memberId", "m1", "name", "王局长",
                "position", "局长", "role", "LEADER", "date", "2023-08-15")), 201);
        ok(api.as("rectifier").post("/api/rectifications/" + id + "/items", Map.of("itemId", "i1", "findingIds", List.of("f1"),
                "title", "严格公务接待审批", "kind", "TIME_BOUND", "dueDate", "2024-03-31", "responsibleLeaderId", "m1",
                "responsibleDepartment", "局办公室", "measures", List.of("修订公务接待管理办法。"))), 201);
        ok(api.as("unit_leader").post("/api/rectifications/" + id + "/plan/adoption",
                Map.of("title", PublicationScenario.PLAN_TITLE, "date", "2023-09-01")), 200);
        ok(api.as("rectifier").post("/api/rectifications/" + id + "/items/i1/progress", Map.of("date", "2024-03-01",
                "status", "IN_PROGRESS", "text", "办法修订稿已起草。")), 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/rectifications/" + id).json()
                .path("plan").path("status").asText().equals("ADOPTED"));
        return id;
    }

    private JsonNode ledger(String id, String query) {
        return api.as("auditor").get("/api/rectifications/" + id + query).json();
    }

    private JsonNode dashboard(String id, String query) {
        return api.as("auditor").get("/api/dashboard/inspections/" + id + query).json();
    }

    private JsonNode overviewLine(String id, String query) {
        JsonNode items = api.as("auditor").get("/api/dashboard/inspections?size=200" + query).json().path("items");
        for (JsonNode line : items) {
            if (line.path("inspectionId").asText().equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no overview line for " + id);
    }

    @Test
    void aCasePublishedAsAHistoricalNoticeIsJudgedOnTheNoticesDate() {
        String id = historicalCase();
        // before any notice the case is judged today: the item due 2024-03-31 is overdue
        assertThat(ledger(id, "").path("totals").path("overdue").asInt()).isEqualTo(1);

        String noticeId = uniqueId("notice");
        PublicationScenario.compose(api, noticeId, id);
        PublicationScenario.approveAndPublish(api, noticeId, "2024-03-25", "2024-04-25", true);

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(id, "").path("asOf").path("date").asText().equals("2024-03-25")
                && dashboard(id, "").path("asOfDate").asText().equals("2024-03-25"));
        JsonNode judged = ledger(id, "");
        assertThat(judged.path("today").asText()).isEqualTo("2024-03-25");
        assertThat(judged.path("asOf").path("noticeId").asText()).isEqualTo(noticeId);
        assertThat(judged.path("totals").path("overdue").asInt()).isZero();
        assertThat(judged.path("totals").path("dueSoon").asInt()).isEqualTo(1); // due in 6 days on 2024-03-25

        JsonNode progress = dashboard(id, "");
        assertThat(progress.path("today").asText()).isEqualTo("2024-03-25");
        assertThat(progress.path("totals").path("overdue").asInt()).isZero();
        assertThat(progress.path("overdue")).isEmpty();
        JsonNode line = overviewLine(id, "");
        assertThat(line.path("judgedOn").asText()).isEqualTo("2024-03-25");
        assertThat(line.path("totals").path("overdue").asInt()).isZero();

        // a reader may still ask for another date
        assertThat(ledger(id, "?today=2024-04-10").path("totals").path("overdue").asInt()).isEqualTo(1);
        assertThat(dashboard(id, "?today=2024-04-10").path("totals").path("overdue").asInt()).isEqualTo(1);
        assertThat(overviewLine(id, "&today=2024-04-10").path("totals").path("overdue").asInt()).isEqualTo(1);
    }

    @Test
    void aPersonStatesTheAsOfDateWithAReason() {
        String id = historicalCase();
        ok(api.as("rectifier").put("/api/rectifications/" + id + "/as-of", Map.of("asOfDate", "2024-02-01")), 400);
        ok(api.as("rectifier").put("/api/rectifications/" + id + "/as-of", Map.of("asOfDate",
                io.zhenggai.app.support.ItClock.today().plusYears(1).toString(), "reason", "补录")), 422); // in the future, within the date bounds
        ok(api.as("rectifier").put("/api/rectifications/" + id + "/as-of", Map.of("asOfDate", "2024-02-01",
                "reason", "补录2024年2月的台账")), 200);
        JsonNode judged = ledger(id, ""); // at once
        assertThat(judged.path("today").asText()).isEqualTo("2024-02-01");
        assertThat(judged.path("asOf").path("reason").asText()).isEqualTo("补录2024年2月的台账");
        assertThat(judged.path("totals").path("overdue").asInt()).isZero();
        assertThat(judged.path("totals").path("dueSoon").asInt()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(id, "").path("today").asText().equals("2024-02-01"));
        assertThat(dashboard(id, "").path("totals").path("overdue").asInt()).isZero();
    }
}
