package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.zhenggai.publication.PublicationScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The notice from draft to publication through HTTP, on real PostgreSQL, composed from a ledger built through the API. */
class NoticeWorkflowIT extends IntegrationTest {

    static final LocalDate TODAY = io.zhenggai.app.support.ItClock.today();

    @Test
    void aNoticeWritesItsRateWithTwoDecimalsWhenTheUnitAsksAndRefusesAnUnknownStyle() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        Map<String, Object> settings = new java.util.HashMap<>(PublicationScenario.settings());
        settings.put("rateStyle", "TWO_DECIMALS");
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", id, "inspectionId", insp,
                "narrative", PublicationScenario.narrative("区财政局关于巡察集中整改进展情况的通报"), "settings", settings)), 201);
        JsonNode draft = PublicationScenario.awaitNotice(api, id, 0);
        assertThat(draft.path("text").asText()).contains("共反馈问题3个，已完成整改1个，正在整改2个，完成率33.33%；");
        assertThat(draft.path("placeholders").path("completionRate").asText()).isEqualTo("33.33");

        settings.put("rateStyle", "ONE_DECIMAL");
        Response refused = api.as("publisher").post("/api/notices", Map.of("noticeId", uniqueId("notice"), "inspectionId", insp,
                "narrative", PublicationScenario.narrative("通报"), "settings", settings));
        ok(refused, 400);
        assertThat(refused.text()).contains("rateStyle");
    }

    @Test
    void composesApprovesPublishesAndServesTheNoticeFromTheLedger() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        JsonNode draft = PublicationScenario.compose(api, id, insp);

        String text = draft.path("text").asText();
        assertThat(text).startsWith("区财政局关于巡察集中整改进展情况的通报\n\n根据区委统一部署，2023年5月8日至6月28日，区委第一巡察组对区财政局进行了巡察。"
                + "2023年8月10日，区委第一巡察组向区财政局反馈巡察意见。根据《中国共产党巡视工作条例》和《中国共产党党内监督条例》等有关规定，现将巡察整改进展情况予以公布。");
        assertThat(text).contains("一、区财政局领导班子履行巡察整改主体责任情况\n\n（一）提高政治站位")
                .contains("制定" + PublicationScenario.PLAN_TITLE + "，健全完善制度1项。")
                .contains("二、巡察反馈问题整改落实情况\n\n截至目前，共反馈问题3个，已完成整改1个，正在整改2个，完成率33%") // a whole percent by default
                .contains("（一）关于财务管理不够规范方面\n\n1.严格公务接待审批\n\n一是修订公务接待管理办法，严格执行接待标准。二是每季度抽查公务接待清单。")
                .contains("2.健全财务管理制度\n\n全面梳理现行财务制度，及时修订。")
                .contains("（二）关于作风建设还需加强方面\n\n1.深入开展调查研究")
                .contains("三、下一步工作打算\n\n（一）巩固整改成果")
                .contains("联系方式：电话 0757-86280000；邮政地址：佛山市南海区桂城街道南海大道北1号，邮政编码：528200；电子邮箱：czj@nanhai.gov.cn。")
                .endsWith("佛山市南海区财政局\n\n2024年3月25日\n");
        assertThat(draft.path("notice").path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("issues")).isEmpty();
        long position = draft.path("notice").path("position").asLong();
        assertThat(position).isPositive();
        assertThat(draft.path("notice").path("positionTime").asText()).isNotBlank();

        // drafts are not public
        assertThat(api.anonymous().header("Accept", "text/html").get("/notices/" + id).status()).isEqualTo(404);

        // approval: exactly the content seen, by a unit leader
        ok(api.as("unit_leader").post("/api/notices/" + id + "/approval", Map.of("contentHash", "0".repeat(64))), 409);
        ok(api.as("publisher").post("/api/notices/" + id + "/approval", Map.of("contentHash", draft.path("notice").path("contentHash").asText())), 403);
        ok(api.as("unit_leader").post("/api/notices/" + id + "/approval", Map.of("contentHash", "not-a-hash")), 400);
        ok(api.as("publisher").post("/api/notices/" + id + "/publication", Map.of("windowStart", TODAY.toString(),
                "windowEnd", TODAY.plusDays(30).toString())), 409); // not approved yet
        Response approved = api.as("unit_leader").post("/api/notices/" + id + "/approval",
                Map.of("contentHash", draft.path("notice").path("contentHash").asText(), "comment", "同意公开"));
        ok(approved, 200);

        // publication: window end after start
        ok(api.as("publisher").post("/api/notices/" + id + "/publication", Map.of("windowStart", TODAY.plusDays(5).toString(),
                "windowEnd", TODAY.plusDays(2).toString())), 422);
        ok(api.as("publisher").post("/api/notices/" + id + "/publication", Map.of("windowStart", TODAY.minusDays(5).toString(),
                "windowEnd", TODAY.plusDays(2).toString())), 422);
        ok(api.as("publisher").post("/api/notices/" + id + "/publication", Map.of("windowStart", TODAY.toString())), 400);
        ok(api.as("publisher").post("/api/notices/" + id + "/publication", Map.of("windowStart", TODAY.toString(),
                "windowEnd", TODAY.plusDays(30).toString())), 200);
        JsonNode published = await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/notices/" + id).json(),
                n -> "PUBLISHED".equals(n.path("notice").path("status").asText()));
        assertThat(published.path("notice").path("approval").path("approvedBy").asText()).isEqualTo("unit_leader");
        assertThat(published.path("notice").path("publication").path("publishedBy").asText()).isEqualTo("publisher");
        String publishedText = published.path("notice").path("publication").path("text").asText();
        assertThat(publishedText).contains("公开期限：" + cn(TODAY) + "至" + cn(TODAY.plusDays(30)) + "。联系方式：");

        // the closing deadline is persistent (db-scheduler)
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_data is not null and execution_time = :t")
                .param("t", java.sql.Timestamp.from(TODAY.plusDays(31).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()))
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);

        // a published notice is immutable
        ok(api.as("publisher").put("/api/notices/" + id + "/narrative", PublicationScenario.narrative("改过的标题")), 409);
        ok(api.as("publisher").post("/api/notices/" + id + "/recomposition", Map.of()), 409);

        // public: list (JSON and HTML), text, page
        Response list = api.anonymous().get("/notices");
        ok(list, 200);
        JsonNode entry = null;
        for (JsonNode n : list.json()) {
            if (n.path("id").asText().equals(id)) {
                entry = n;
            }
        }
        assertThat(entry).as(list.text()).isNotNull();
        assertThat(entry.path("title").asText()).isEqualTo("区财政局关于巡察集中整改进展情况的通报");
        assertThat(entry.path("publishingUnit").asText()).isEqualTo("佛山市南海区财政局");
        assertThat(entry.path("windowStart").asText()).isEqualTo(TODAY.toString());
        assertThat(entry.path("windowEnd").asText()).isEqualTo(TODAY.plusDays(30).toString());
        assertThat(entry.path("status").asText()).isEqualTo("PUBLISHED");
        Response htmlList = api.anonymous().header("Accept", "text/html").get("/notices");
        assertThat(htmlList.contentType()).startsWith("text/html");
        assertThat(htmlList.text()).contains("<html lang=\"zh-CN\">").contains("/notices/" + id);

        Response txt = api.anonymous().header("Accept", "text/plain").get("/notices/" + id + ".txt");
        ok(txt, 200);
        assertThat(txt.contentType()).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(txt.text()).isEqualTo(publishedText);

        Response page = api.anonymous().header("Accept", "text/html").get("/notices/" + id);
        ok(page, 200);
        assertThat(page.text()).contains("<html lang=\"zh-CN\">", "@media print", "<main", "role=\"banner\"", "role=\"contentinfo\"",
                "<h1 id=\"notice-title\">区财政局关于巡察集中整改进展情况的通报</h1>", "<h2>一、区财政局领导班子履行巡察整改主体责任情况</h2>",
                "<h3>（一）提高政治站位</h3>", "<h4>1.严格公务接待审批</h4>", "<svg", "/notices/" + id + "/feedback",
                "信息索引号", "11440605MB2C90114T/2024-00012", "主动公开", "电子邮箱：czj@nanhai.gov.cn");
        Response qr = api.anonymous().header("Accept", "image/svg+xml").get("/notices/" + id + "/feedback-qr.svg");
        ok(qr, 200);
        assertThat(qr.contentType()).startsWith("image/svg+xml");
    }

    @Test
    void refusesWhatTheRolesDoNotAllowAndWhatDoesNotExist() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        Map<String, Object> body = Map.of("inspectionId", insp);
        ok(api.anonymous().post("/api/notices", body), 401);
        ok(api.as("inspector").post("/api/notices", body), 403);
        ok(api.as("unit_leader").post("/api/notices", body), 403);
        ok(api.as("publisher").post("/api/notices", Map.of("inspectionId", "no such id!")), 400);
        ok(api.as("publisher").post("/api/notices", Map.of("inspectionId", uniqueId("unknown"))), 404);
        ok(api.as("auditor").get("/api/notices/" + uniqueId("missing")), 404);
        ok(api.anonymous().get("/api/notices"), 401);
        ok(api.as("rectifier").get("/api/notices"), 403);
        assertThat(api.anonymous().header("Accept", "text/html").get("/notices/" + uniqueId("missing")).status()).isEqualTo(404);
        ok(api.as("publisher").post("/api/notices", Map.of("inspectionId", insp, "position", 0)), 404); // nothing exists at position 0
    }

    @Test
    void factsCannotBeWrittenIntoTheDraftAndPlaceholdersMustExist() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        PublicationScenario.compose(api, id, insp);
        Map<String, Object> withCount = new java.util.HashMap<>(PublicationScenario.narrative("标题"));
        withCount.put("regulationCount", 9);
        Response refused = api.as("publisher").put("/api/notices/" + id + "/narrative", withCount);
        ok(refused, 422);
        assertThat(refused.json().path("code").asText()).isEqualTo("FACT_READ_ONLY");
        assertThat(refused.json().path("detail").asText()).contains("regulationCount");
        Map<String, Object> withTotals = new java.util.HashMap<>(PublicationScenario.settings());
        withTotals.put("totals", Map.of("findings", 1));
        ok(api.as("publisher").put("/api/notices/" + id + "/settings", withTotals), 422);
        ok(api.as("publisher").put("/api/notices/" + id + "/narrative", Map.of("title", "")), 400);
        ok(api.as("publisher").put("/api/notices/" + id + "/narrative", Map.of("title", "标题", "colour", "red")), 400);
        Response unknown = api.as("publisher").put("/api/notices/" + id + "/narrative", Map.of("title", "标题",
                "invitation", "共收到{{complaintCount}}条意见。"));
        ok(unknown, 422);
        assertThat(unknown.json().path("code").asText()).isEqualTo("UNKNOWN_PLACEHOLDER");

        // a hand-written count that contradicts the ledger is flagged and blocks approval
        ok(api.as("publisher").put("/api/notices/" + id + "/narrative", Map.of("title", "区财政局关于巡察集中整改进展情况的通报",
                "responsibilitySections", List.of(Map.of("title", "务求整改实效", "text", "健全完善制度5项。")))), 200);
        JsonNode flagged = PublicationScenario.awaitNotice(api, id, 1);
        assertThat(flagged.path("issues").toString()).contains("NUMBER_CONTRADICTS_LEDGER").contains("{{regulationCount}}");
        Response blocked = api.as("unit_leader").post("/api/notices/" + id + "/approval",
                Map.of("contentHash", flagged.path("notice").path("contentHash").asText()));
        ok(blocked, 422);
        assertThat(blocked.json().path("code").asText()).isEqualTo("NOTICE_NOT_READY");
    }

    @Test
    void rebuildingAtTheSamePositionGivesTheSameContentAndRevisionsCanBeDiffed() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        JsonNode draft = PublicationScenario.compose(api, id, insp);
        long p = draft.path("notice").path("position").asLong();

        // the ledger moves on
        ok(api.as("rectifier").post("/api/rectifications/" + insp + "/items/i3/progress", Map.of("date", "2023-11-01",
                "status", "COMPLETED", "text", "调研报告已形成。")), 201);

        JsonNode atP = api.as("auditor").get("/api/notices/facts?inspectionId=" + insp + "&position=" + p).json();
        JsonNode atPAgain = api.as("auditor").get("/api/notices/facts?inspectionId=" + insp + "&position=" + p).json();
        assertThat(atP.path("facts")).isEqualTo(draft.path("notice").path("facts")).isEqualTo(atPAgain.path("facts"));
        JsonNode now = await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/notices/facts?inspectionId=" + insp).json(),
                n -> n.path("facts").path("totals").path("itemsCompleted").asInt() == 2);
        assertThat(now.path("position").asLong()).isGreaterThan(p);

        // composing again at P records nothing; at the head gives a new revision that differs section by section
        ok(api.as("publisher").post("/api/notices/" + id + "/recomposition", Map.of("position", p)), 200);
        assertThat(eventCount(id)).isEqualTo(1);
        Response recomposed = api.as("publisher").post("/api/notices/" + id + "/recomposition", Map.of());
        ok(recomposed, 200);
        JsonNode revision2 = PublicationScenario.awaitNotice(api, id, 1);
        assertThat(revision2.path("notice").path("revision").asInt()).isEqualTo(2);
        JsonNode diff = api.as("auditor").get("/api/notices/" + id + "/diff?from=1&to=2").json();
        assertThat(diff.path("diff").path("identical").asBoolean()).as(diff.toString()).isFalse();
        assertThat(diff.path("diff").path("sections").toString()).contains("\"key\":\"2\",\"change\":\"CHANGED\"")
                .contains("已完成整改2个");
        assertThat(api.as("auditor").get("/api/notices/" + id + "/diff?from=2&to=2").json().path("diff").path("identical").asBoolean()).isTrue();
    }

    @Test
    void aPublishedNoticeStaysAsPublishedWhenTheLedgerChangesAndACorrectionIsANewVisibleVersion() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        PublicationScenario.compose(api, id, insp);
        JsonNode published = PublicationScenario.approveAndPublish(api, id, TODAY.toString(), TODAY.plusDays(30).toString(), false);
        String before = api.anonymous().get("/notices/" + id + ".txt").text();
        String pageBefore = api.anonymous().header("Accept", "text/html").get("/notices/" + id).text();
        assertThat(before).isEqualTo(published.path("notice").path("publication").path("text").asText());

        // the ledger changes afterwards
        ok(api.as("rectifier").post("/api/rectifications/" + insp + "/items/i3/measures", Map.of("text", "建立调研成果转化台账。", "reason", "根据调研进展补充措施")), 201);
        ok(api.as("rectifier").post("/api/rectifications/" + insp + "/items/i3/progress", Map.of("date", "2023-11-01",
                "status", "COMPLETED", "text", "调研成果已转化。")), 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/notices/facts?inspectionId=" + insp).json()
                .path("facts").path("totals").path("itemsCompleted").asInt() == 2);

        assertThat(api.anonymous().get("/notices/" + id + ".txt").text()).isEqualTo(before);
        assertThat(api.anonymous().header("Accept", "text/html").get("/notices/" + id).text()).isEqualTo(pageBefore);
        JsonNode vsLedger = api.as("auditor").get("/api/notices/" + id + "/diff?against=ledger").json();
        assertThat(vsLedger.path("diff").path("identical").asBoolean()).isFalse();
        assertThat(vsLedger.toString()).contains("建立调研成果转化台账");

        // a correction: a new draft composed now, naming what it corrects
        ok(api.as("publisher").post("/api/notices/" + id + "/corrections", Map.of("reason", " ")), 400);
        String v2 = uniqueId("notice");
        ok(api.as("publisher").post("/api/notices/" + id + "/corrections", Map.of("noticeId", v2,
                "reason", "补充第二部分调查研究事项的新增措施和完成情况")), 201);
        JsonNode correction = PublicationScenario.awaitNotice(api, v2, 0);
        assertThat(correction.path("notice").path("versionNumber").asInt()).isEqualTo(2);
        assertThat(correction.path("notice").path("correctsNoticeId").asText()).isEqualTo(id);
        assertThat(correction.path("text").asText()).contains("（本通报为第2版，更正此前公布的版本。更正说明：补充第二部分调查研究事项的新增措施和完成情况）")
                .contains("三是建立调研成果转化台账。");
        JsonNode diff = api.as("auditor").get("/api/notices/" + v2 + "/diff?against=" + id).json();
        assertThat(diff.path("diff").path("sections").toString()).contains("\"key\":\"2.2.1\",\"change\":\"CHANGED\"");

        PublicationScenario.approveAndPublish(api, v2, TODAY.toString(), TODAY.plusDays(30).toString(), false);
        JsonNode list = await().atMost(Duration.ofSeconds(20)).until(() -> api.anonymous().get("/notices").json(), l -> {
            for (JsonNode n : l) {
                if (n.path("id").asText().equals(id) && v2.equals(n.path("correctedByNoticeId").asText())) {
                    return true;
                }
            }
            return false;
        });
        assertThat(list.toString()).contains("\"id\":\"" + v2 + "\"");
        assertThat(api.anonymous().get("/notices/" + id + ".txt").text()).isEqualTo(before);
        assertThat(api.anonymous().header("Accept", "text/html").get("/notices/" + id).text()).contains("本通报已被");
        ok(api.as("publisher").post("/api/notices/" + id + "/corrections", Map.of("reason", "再次更正")), 409);
    }

    @Test
    void carriesAHistoricalNoticeAsClosedAndWithdrawsWithAReason() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        PublicationScenario.compose(api, id, insp);
        PublicationScenario.approveAndPublish(api, id, "2024-03-25", "2024-04-25", true);
        JsonNode closed = await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/notices/" + id).json(),
                n -> "CLOSED".equals(n.path("notice").path("status").asText()));
        assertThat(closed.path("notice").path("publication").path("historical").asBoolean()).isTrue();
        assertThat(closed.path("notice").path("publication").path("closeReason").asText()).isEqualTo("HISTORICAL");
        assertThat(api.anonymous().get("/notices/" + id + ".txt").text()).contains("公开期限：2024年3月25日至2024年4月25日。");
        Response page = api.anonymous().header("Accept", "text/html").get("/notices/" + id);
        assertThat(page.text()).contains("公开期满", "历史通报补录");

        ok(api.as("publisher").post("/api/notices/" + id + "/withdrawal", Map.of("reason", "")), 400);
        ok(api.as("unit_leader").post("/api/notices/" + id + "/withdrawal", Map.of("reason", "重复发布")), 403);
        ok(api.as("publisher").post("/api/notices/" + id + "/withdrawal", Map.of("reason", "与另一通报重复发布")), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.anonymous().header("Accept", "text/html").get("/notices/" + id).status() == 410);
        assertThat(api.anonymous().header("Accept", "text/html").get("/notices/" + id).text()).contains("与另一通报重复发布");
        ok(api.as("publisher").post("/api/notices/" + id + "/withdrawal", Map.of("reason", "again")), 409);
    }

    static String cn(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
