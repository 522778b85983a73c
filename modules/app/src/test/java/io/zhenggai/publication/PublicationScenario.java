package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A small case driven through the HTTP API of the other contexts, as their users would: an inspection with two
 * categories and three findings, feedback delivered, its rectification (office, leader, three items with measures,
 * plan adopted, one item completed) and a regulation linked to it. Then notices are composed from that ledger.
 */
public final class PublicationScenario {

    public static final String PLAN_TITLE = "《区财政局关于落实区委第一巡察组巡察反馈意见的整改方案》";

    private PublicationScenario() {
    }

    static void ok(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }

    /** Builds the case for inspection {@code id}; returns when the rectification ledger shows the plan adopted. */
    public static void ledger(ApiClient api, String id) {
        ApiClient inspector = api.as("inspector");
        ok(inspector.post("/api/inspections", Map.of("inspectionId", id, "inspectingBody", "区委第一巡察组", "inspectedUnit", "区财政局",
                "mandate", "区委统一部署", "legalBasis", List.of("《中国共产党巡视工作条例》", "《中国共产党党内监督条例》"),
                "plannedFieldworkStart", "2023-05-08", "plannedFieldworkEnd", "2023-06-28")), 201);
        ok(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", "2023-05-08")), 200);
        ok(inspector.post("/api/inspections/" + id + "/categories", Map.of("categoryId", "c1", "title", "关于财务管理不够规范方面")), 201);
        ok(inspector.post("/api/inspections/" + id + "/categories", Map.of("categoryId", "c2", "title", "关于作风建设还需加强方面")), 201);
        ok(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "公务接待审批不严")), 201);
        ok(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f2", "categoryId", "c1", "title", "财务制度更新不及时")), 201);
        ok(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", "f3", "categoryId", "c2", "title", "调查研究不够深入")), 201);
        ok(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date", "2023-06-28")), 200);
        ok(inspector.post("/api/inspections/" + id + "/feedback", Map.of("date", "2023-08-10")), 200);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/rectifications/" + id).status() == 200);
        ApiClient leader = api.as("unit_leader");
        ApiClient rectifier = api.as("rectifier");
        ok(leader.put("/api/rectifications/" + id + "/office", Map.of("name", "整改工作领导小组办公室", "hostDepartment", "局办公室")), 200);
        ok(leader.post("/api/rectifications/" + id + "/group/members", Map.of("memberId", "m1", "name", "王局长", "position", "局长",
                "role", "LEADER", "date", "2023-08-15")), 201);
        ok(rectifier.post("/api/rectifications/" + id + "/items", Map.of("itemId", "i1", "findingIds", List.of("f1"),
                "title", "严格公务接待审批", "kind", "IMMEDIATE", "responsibleLeaderId", "m1", "responsibleDepartment", "局办公室",
                "measures", List.of("修订公务接待管理办法，严格执行接待标准。", "每季度抽查公务接待清单。"))), 201);
        ok(rectifier.post("/api/rectifications/" + id + "/items", Map.of("itemId", "i2", "findingIds", List.of("f2"),
                "title", "健全财务管理制度", "kind", "ONGOING", "responsibleLeaderId", "m1", "responsibleDepartment", "财务股",
                "measures", List.of("全面梳理现行财务制度，及时修订。"))), 201);
        ok(rectifier.post("/api/rectifications/" + id + "/items", Map.of("itemId", "i3", "findingIds", List.of("f3"),
                "title", "深入开展调查研究", "kind", "IMMEDIATE", "responsibleLeaderId", "m1", "responsibleDepartment", "综合股",
                "measures", List.of("班子成员每人牵头一项调研课题。", "形成调研报告并推动成果转化。"))), 201);
        ok(leader.post("/api/rectifications/" + id + "/plan/adoption", Map.of("title", PLAN_TITLE, "date", "2023-09-01")), 200);
        ok(rectifier.post("/api/rectifications/" + id + "/items/i1/progress", Map.of("date", "2023-10-01", "status", "COMPLETED",
                "text", "接待办法已修订印发。")), 201);
        ok(api.as("finance_officer").post("/api/finance/regulations", Map.of("regulationId", id + "-reg", "unit", "区财政局（" + id + "）",
                "title", "《区财政局公务接待管理办法》", "area", "RECEPTION", "effectiveFrom", "2023-10-01",
                "backdatingReason", "补录已印发的制度", "answers", List.of(Map.of("inspectionId", id, "findingId", "f1")))), 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response r = api.as("auditor").get("/api/rectifications/" + id);
            return r.status() == 200 && "ADOPTED".equals(r.json().path("plan").path("status").asText())
                    && r.json().path("totals").path("completed").asInt() == 1;
        });
    }

    static Map<String, Object> narrative(String title) {
        return Map.of("title", title,
                "responsibilitySections", List.of(
                        Map.of("title", "提高政治站位", "text", "局党组高度重视巡察整改工作，召开专题会议研究部署。"),
                        Map.of("title", "务求整改实效", "text", "制定{{planTitle}}，健全完善制度{{regulationCount}}项。")),
                "nextSteps", List.of(Map.of("title", "巩固整改成果", "text", "持续抓好整改落实，建立长效机制。")),
                "invitation", "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。");
    }

    static Map<String, Object> settings() {
        return Map.of("publishingUnit", "佛山市南海区财政局", "dateWritten", "2024-03-25", "indexNumber", "11440605MB2C90114T/2024-00012",
                "contacts", Map.of("phone", "0757-86280000", "postalAddress", "佛山市南海区桂城街道南海大道北1号", "postcode", "528200",
                        "email", "czj@nanhai.gov.cn"),
                "blocks", Map.of("totals", true, "regulations", true));
    }

    /** Composes a draft (as the publisher) and waits until the read model shows it. */
    public static JsonNode compose(ApiClient api, String noticeId, String inspectionId) {
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", noticeId, "inspectionId", inspectionId,
                "narrative", narrative("区财政局关于巡察集中整改进展情况的通报"), "settings", settings())), 201);
        return awaitNotice(api, noticeId, 0);
    }

    static JsonNode awaitNotice(ApiClient api, String noticeId, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response r = api.as("auditor").get("/api/notices/" + noticeId);
            return r.status() == 200 && r.json().path("notice").path("version").asLong() >= version ? r.json() : null;
        }, n -> n != null);
    }

    /** Approves (unit leader) and publishes (publisher) a composed draft; returns the notice once published. */
    public static JsonNode approveAndPublish(ApiClient api, String noticeId, String start, String end, boolean historical) {
        JsonNode draft = awaitNotice(api, noticeId, 0);
        ok(api.as("unit_leader").post("/api/notices/" + noticeId + "/approval",
                Map.of("contentHash", draft.path("notice").path("contentHash").asText())), 200);
        Response published = api.as("publisher").post("/api/notices/" + noticeId + "/publication",
                Map.of("windowStart", start, "windowEnd", end, "historical", historical));
        ok(published, 200);
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode n = api.as("auditor").get("/api/notices/" + noticeId).json();
            return n.path("notice").path("publication").isObject() ? n : null;
        }, n -> n != null);
    }
}
