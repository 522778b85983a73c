package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.zhenggai.publication.PublicationScenario.ok;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provincial 巡视 through HTTP on PostgreSQL: the kind, form and level are returned by every read, and the notice
 * composed from its ledger — with the default title and invitation — speaks of 巡视 only. Every read right after a
 * command (the inspection, the notice, its public text) is there at once: no waiting for the read models.
 */
class InspectionKindIT extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aXunshiCaseRendersANoticeWithoutXuncha() {
        ApiClient inspector = api.as("inspector");
        String id = uniqueId("xunshi");
        ok(inspector.post("/api/inspections", Map.ofEntries(entry("inspectionId", id), entry("inspectingBody", "省委第二巡视组"),
                entry("inspectedUnit", "某区委"), entry("mandate", "省委统一部署"),
                entry("legalBasis", List.of("《中国共产党巡视工作条例》")), entry("plannedFieldworkStart", "2023-05-08"),
                entry("plannedFieldworkEnd", "2023-06-28"), entry("kind", "XUNSHI"), entry("form", "THEMATIC"),
                entry("level", "PROVINCIAL"))), 201);

        JsonNode inspection = inspector.get("/api/inspections/" + id).json(); // at once: the read model has it
        assertThat(inspection.path("kind").asText()).isEqualTo("XUNSHI");
        assertThat(inspection.path("kindLabel").asText()).isEqualTo("巡视");
        assertThat(inspection.path("form").asText()).isEqualTo("THEMATIC");
        assertThat(inspection.path("formLabel").asText()).isEqualTo("专项");
        assertThat(inspection.path("level").asText()).isEqualTo("PROVINCIAL");
        assertThat(inspection.path("levelLabel").asText()).isEqualTo("省");

        ok(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-05-08")), 200);
        assertThat(inspector.get("/api/inspections/" + id).json().path("statusLabel").asText()).isEqualTo("巡视进驻中");
        ok(inspector.post("/api/inspections/" + id + "/categories", Map.of("categoryId", "c1", "title", "关于落实主体责任不够到位方面")), 201);
        ok(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "议事规则执行不严")), 201);
        ok(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date", "2023-06-28")), 200);
        ok(inspector.post("/api/inspections/" + id + "/feedback", Map.of("date", "2023-08-10")), 200);
        JsonNode listed = inspector.get("/api/inspections?size=200").json().path("items");
        assertThat(listed.findValuesAsText("inspectionId")).contains(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/rectifications/" + id).status() == 200);
        JsonNode ledger = api.as("auditor").get("/api/rectifications/" + id).json();
        assertThat(ledger.path("kind").asText()).isEqualTo("XUNSHI");
        assertThat(ledger.path("categories").get(0).path("findings").get(0).path("sourceLabel").asText()).isEqualTo("巡视反馈");

        ApiClient rectifier = api.as("rectifier");
        ok(api.as("unit_leader").post("/api/rectifications/" + id + "/group/members", Map.of("memberId", "m1", "name", "王书记",
                "position", "区委书记", "role", "LEADER", "date", "2023-08-15")), 201);
        ok(rectifier.post("/api/rectifications/" + id + "/items", Map.of("itemId", "i1", "findingIds", List.of("f1"),
                "title", "严格执行议事规则", "kind", "IMMEDIATE", "responsibleLeaderId", "m1", "responsibleDepartment", "办公室",
                "measures", List.of("修订议事规则并严格执行。"))), 201);
        ok(api.as("unit_leader").post("/api/rectifications/" + id + "/plan/adoption",
                Map.of("title", "《某区委关于落实省委第二巡视组反馈意见的整改方案》", "date", "2023-09-01")), 200);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response r = api.as("auditor").get("/api/dashboard/inspections/" + id);
            return r.status() == 200 && r.json().path("totals").path("items").asInt() == 1;
        });
        JsonNode progress = api.as("auditor").get("/api/dashboard/inspections/" + id).json();
        assertThat(progress.path("kind").asText()).isEqualTo("XUNSHI");
        assertThat(progress.path("terms").path("group").asText()).isEqualTo("巡视组");
        assertThat(progress.path("terms").path("rectification").asText()).isEqualTo("巡视整改");
        assertThat(progress.path("statusLabel").asText()).doesNotContain("巡察");

        // the notice with the default title, invitation and settings: every word of the kind is 巡视
        String noticeId = uniqueId("notice");
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", noticeId, "inspectionId", id)), 201);
        JsonNode draft = api.as("auditor").get("/api/notices/" + noticeId).json(); // at once
        String text = draft.path("text").asText();
        assertThat(text).doesNotContain("巡察")
                .startsWith("某区委关于巡视整改进展情况的通报\n\n根据省委统一部署，2023年5月8日至6月28日，省委第二巡视组对某区委进行了巡视。"
                        + "2023年8月10日，省委第二巡视组向某区委反馈巡视意见。根据《中国共产党巡视工作条例》等有关规定，现将巡视整改进展情况予以公布。")
                // section 一 has no sub-section yet, so it does not print and section 二 is numbered 一
                .doesNotContain("领导班子履行")
                .contains("一、巡视反馈问题整改落实情况")
                .contains("欢迎广大干部群众对巡视整改落实情况进行监督。");
        assertThat(draft.path("notice").path("facts").path("kind").asText()).isEqualTo("XUNSHI");

        ok(api.as("publisher").put("/api/notices/" + noticeId + "/settings", Map.of("publishingUnit", "中共某区委",
                "dateWritten", TODAY.toString())), 200);
        String hash = api.as("auditor").get("/api/notices/" + noticeId).json().path("notice").path("contentHash").asText(); // at once
        assertThat(hash).isNotEqualTo(draft.path("notice").path("contentHash").asText());
        ok(api.as("unit_leader").post("/api/notices/" + noticeId + "/approval", Map.of("contentHash", hash)), 200);
        ok(api.as("publisher").post("/api/notices/" + noticeId + "/publication",
                Map.of("windowStart", TODAY.toString(), "windowEnd", TODAY.plusDays(30).toString())), 200);

        // published: the public text and page answer at once, never 404
        Response publicText = api.anonymous().get("/notices/" + noticeId + ".txt");
        assertThat(publicText.status()).as(publicText.toString()).isEqualTo(200);
        assertThat(publicText.text()).doesNotContain("巡察").contains("省委第二巡视组对某区委进行了巡视。");
        Response page = api.anonymous().header("Accept", "text/html").get("/notices/" + noticeId);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("省委第二巡视组对某区委进行了巡视。");
    }

    @Test
    void anInspectionScheduledWithoutAKindIsAXuncha() {
        String id = uniqueId("xuncha");
        ok(api.as("inspector").post("/api/inspections", Map.of("inspectionId", id, "inspectingBody", "区委第一巡察组",
                "inspectedUnit", "区财政局", "plannedFieldworkStart", "2023-05-08", "plannedFieldworkEnd", "2023-06-28")), 201);
        JsonNode inspection = api.as("inspector").get("/api/inspections/" + id).json();
        assertThat(inspection.path("kind").asText()).isEqualTo("XUNCHA");
        assertThat(inspection.path("form").isNull()).isTrue();
        assertThat(inspection.path("level").isNull()).isTrue();
    }

    @Test
    void aXunshiByACountyLevelCommitteeIsRefusedAndRecordsNothing() {
        String id = uniqueId("county");
        Response r = api.as("inspector").post("/api/inspections", Map.ofEntries(entry("inspectionId", id),
                entry("inspectingBody", "区委第一巡视组"), entry("inspectedUnit", "区财政局"), entry("plannedFieldworkStart", "2023-05-08"),
                entry("plannedFieldworkEnd", "2023-06-28"), entry("kind", "XUNSHI"), entry("level", "COUNTY")));
        ok(r, 422);
        assertThat(r.json().path("code").asText()).isEqualTo("KIND_NOT_OF_LEVEL");
        assertThat(api.as("inspector").get("/api/inspections/" + id).status()).isEqualTo(404);
    }

    @Test
    void anUnknownKindIsABadRequestNamingTheField() {
        Response r = api.as("inspector").post("/api/inspections", Map.of("inspectingBody", "组", "inspectedUnit", "单位",
                "plannedFieldworkStart", "2023-05-08", "plannedFieldworkEnd", "2023-06-28", "kind", "XUNJIAN"));
        ok(r, 400);
        assertThat(r.text()).contains("kind");
    }
}
