package io.zhenggai.rectification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Problems other contexts hand over to a ledger, through HTTP on PostgreSQL: a finance violation escalated by the
 * finance officer becomes an immediate item (with a supplementary finding when it names none), public feedback a
 * publisher escalates becomes a supplementary finding; an escalation for an inspection whose rectification is not
 * open waits in the unmatched list and is taken over when it opens. Each is recorded once.
 */
class EscalationsIT extends RectificationItSupport {

    /** A reception rule (120 yuan per guest) for a unit of its own, and an expense of {@code amount} for 4 guests breaking it. */
    private String violation(String amount) {
        ApiClient officer = api.as("finance_officer");
        String unit = uniqueId("区委统战部");
        Map<String, Object> cap = new LinkedHashMap<>(body("type", "PER_PERSON_CAP", "label", "人均标准", "category", "RECEPTION",
                "capPerPerson", "120.00", "basis", "GUESTS"));
        expect(officer.post("/api/finance/regulations", body("regulationId", uniqueId("reg"), "unit", unit,
                "title", "《公务接待管理办法》", "area", "RECEPTION", "effectiveFrom", LocalDate.of(2019, 1, 1),
                "backdatingReason", "补录巡察前已施行的制度", "rules", List.of(cap))), 201);
        String expenseId = uniqueId("exp");
        JsonNode checked = expect(officer.post("/api/finance/expenses", body("expenseId", expenseId, "unit", unit,
                "date", today().minusDays(5), "amount", amount, "category", "RECEPTION", "payee", "某宾馆", "guests", 4,
                "staff", 1, "documents", List.of())), 201).json();
        assertThat(checked.path("verdict").asText()).as(checked.toString()).isEqualTo("NON_COMPLIANT");
        return checked.path("breaches").get(0).path("violationId").asText();
    }

    private void escalate(String violationId, String inspectionId, String findingId, String description) {
        expect(api.as("finance_officer").post("/api/finance/violations/" + violationId + "/escalation",
                body("inspectionId", inspectionId, "findingId", findingId, "description", description)), 200);
    }

    /**
     * Public feedback as a visitor of its own: from a loopback address no other test uses, so this test neither
     * takes nor finds used the rate-limit tokens of NoticeFeedbackIT's visitors.
     */
    private String submitFeedback(String noticeId, Map<String, Object> feedback) throws Exception {
        RawHttp.Response r = new RawHttp(port, "127.0.6.1").header("Accept", "application/json")
                .send("POST", "/notices/" + noticeId + "/feedback", "application/json", JSON.writeValueAsString(feedback));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("feedbackId").asText();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> findings(JsonNode ledger) {
        List<JsonNode> all = new ArrayList<>();
        ledger.path("categories").forEach(c -> c.path("findings").forEach(all::add));
        return all;
    }

    private static JsonNode finding(JsonNode ledger, String findingId) {
        return findings(ledger).stream().filter(f -> f.path("findingId").asText().equals(findingId)).findFirst().orElse(null);
    }

    private static JsonNode category(JsonNode ledger, String categoryId) {
        for (JsonNode c : ledger.path("categories")) {
            if (c.path("categoryId").asText().equals(categoryId)) {
                return c;
            }
        }
        return null;
    }

    private static Predicate<JsonNode> hasItem(String findingId, String itemId) {
        return ledger -> {
            JsonNode f = finding(ledger, findingId);
            if (f == null) {
                return false;
            }
            for (JsonNode i : f.path("items")) {
                if (i.path("itemId").asText().equals(itemId)) {
                    return true;
                }
            }
            return false;
        };
    }

    private long eventsOfType(String aggregateId, String type, String containing) {
        return events(aggregateId).stream()
                .filter(e -> e.type().equals(type) && e.payload().toString().contains(containing)).count();
    }

    @Test
    void anEscalatedViolationBecomesAnImmediateItemOfTheAdoptedPlanRecordedAsAChangeWithItsReason() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        adoptedPlan(d);

        String named = violation("560.00");
        escalate(named, d.inspectionId(), "f3", "公务接待超标准");
        String itemId = "viol-" + named;
        JsonNode ledger = awaitLedger(api, d, hasItem("f3", itemId));
        JsonNode view = expect(api.as("auditor").get(d.path() + "/items/" + itemId), 200).json();
        assertThat(view.path("title").asText()).isEqualTo("整改违规支出：公务接待超标准");
        assertThat(view.path("kind").asText()).isEqualTo("IMMEDIATE");
        assertThat(view.path("kindLabel").asText()).isEqualTo("立行立改");
        assertThat(view.path("currentDueDate").isNull()).isTrue();
        assertThat(view.path("findingIds").get(0).asText()).isEqualTo("f3");
        assertThat(view.path("changes").get(0).path("change").asText()).isEqualTo("ITEM_ADDED");
        assertThat(view.path("changes").get(0).path("reason").asText()).isEqualTo("财务违规升级：" + named);
        assertThat(view.path("changes").get(0).path("recordedBy").asText()).isEqualTo("finance_officer");
        assertThat(finding(ledger, "f3").path("source").asText()).isEqualTo("INSPECTION");

        // a violation that names no finding first becomes a supplementary finding of its own category
        String unnamed = violation("600.00");
        escalate(unnamed, d.inspectionId(), null, null);
        String findingId = "viol-" + unnamed;
        ledger = awaitLedger(api, d, hasItem(findingId, findingId));
        JsonNode supplementary = finding(ledger, findingId);
        assertThat(supplementary.path("source").asText()).isEqualTo("FINANCE_VIOLATION");
        assertThat(supplementary.path("sourceLabel").asText()).isEqualTo("财务违规移交");
        assertThat(supplementary.path("sourceId").asText()).isEqualTo(unnamed);
        assertThat(supplementary.path("raisedDate").asText()).isEqualTo(today().toString());
        assertThat(supplementary.path("description").asText()).contains("涉及金额120.00元", "《公务接待管理办法》");
        JsonNode financeCategory = category(ledger, "supplementary-finance-violation");
        assertThat(financeCategory.path("title").asText()).isEqualTo("财务监督发现问题");
        assertThat(financeCategory.path("ordinal").asInt()).isEqualTo(3);
        assertThat(ledger.path("findingTotals").path("findings").asInt()).isEqualTo(4);
        assertThat(ledger.path("totals").path("items").asInt()).isEqualTo(4);

        // recorded once: the finance context refuses a second escalation, and no item or finding is doubled
        expect(api.as("finance_officer").post("/api/finance/violations/" + named + "/escalation",
                body("inspectionId", d.inspectionId())), 409);
        assertThat(eventsOfType(d.rectificationId(), "ItemAddedEvent", itemId)).isEqualTo(1);
        assertThat(eventsOfType(d.rectificationId(), "SupplementaryFindingRecordedEvent", findingId)).isEqualTo(1);
        // the new items carry the system's audit trail: who escalated, caused by the finance event
        StoredEvent added = events(d.rectificationId()).stream()
                .filter(e -> e.type().equals("ItemAddedEvent") && e.payload().path("itemId").asText().equals(itemId))
                .findFirst().orElseThrow();
        assertThat(added.metaData().toString()).contains("TakeOverViolationCommand");
    }

    @Test
    void anEscalationBeforeFeedbackWaitsInTheUnmatchedListAndIsTakenOverWhenTheRectificationOpens() {
        String inspectionId = uniqueId("insp");
        String violationId = violation("560.00");
        escalate(violationId, inspectionId, "f3", "公务接待超标准");

        JsonNode unmatched = await().atMost(Duration.ofSeconds(30)).until(
                () -> expect(api.as("auditor").get("/api/rectifications/unmatched-escalations?inspectionId=" + inspectionId), 200).json(),
                j -> j.path("items").size() == 1);
        JsonNode parked = unmatched.path("items").get(0);
        assertThat(parked.path("source").asText()).isEqualTo("FINANCE_VIOLATION");
        assertThat(parked.path("sourceId").asText()).isEqualTo(violationId);
        assertThat(parked.path("reason").asText()).contains("整改尚未启动");
        expect(api.as("publisher").get("/api/rectifications/unmatched-escalations"), 403);

        Delivered d = deliverInspection(api, today(), inspectionId);
        JsonNode ledger = awaitLedger(api, d, hasItem("f3", "viol-" + violationId));
        assertThat(ledger.path("plan").path("status").asText()).isEqualTo("DRAFT");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> api.as("auditor").get("/api/rectifications/unmatched-escalations?inspectionId=" + inspectionId).json(),
                j -> j.path("items").isEmpty());
        // before adoption the item needs measures and responsibility like any other
        setUpGroup(d);
        addItem(d, "i1", List.of("f1", "f2"), "IMMEDIATE", null, "办公室", "每月召开学习研讨会");
        addItem(d, "i2", List.of("f3"), "ONGOING", null, "财务股", "修订财务管理制度");
        Response refused = api.as("unit_leader").post(d.path() + "/plan/adoption", body("title", "整改方案",
                "date", d.feedbackDate().plusDays(10)));
        expect(refused, 422);
        assertThat(refused.text()).contains("ITEMS_WITHOUT_MEASURES", "整改违规支出：公务接待超标准");
    }

    @Test
    void publicFeedbackEscalatedOnAPublishedNoticeBecomesASupplementaryFindingOfTheLedger() throws Exception {
        Delivered d = deliverInspection();
        awaitLedger(d);
        adoptedPlan(d);
        String noticeId = uniqueId("notice");
        ApiClient publisher = api.as("publisher");
        expect(publisher.post("/api/notices", body("noticeId", noticeId, "inspectionId", d.inspectionId(),
                "narrative", body("title", "区委统战部关于巡察集中整改进展情况的通报",
                        "responsibilitySections", List.of(body("title", "提高政治站位", "text", "部务会专题研究部署整改工作。")),
                        "nextSteps", List.of(body("title", "巩固整改成果", "text", "持续抓好整改落实。")),
                        "invitation", "欢迎广大干部群众对巡察整改落实情况进行监督。"),
                "settings", body("publishingUnit", "中共佛山市南海区委统战部", "dateWritten", today().toString(),
                        "contacts", body("phone", "0757-86280000"), "blocks", body("totals", true)))), 201);
        JsonNode draft = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = api.as("auditor").get("/api/notices/" + noticeId);
            return r.status() == 200 ? r.json() : null;
        }, n -> n != null);
        expect(api.as("unit_leader").post("/api/notices/" + noticeId + "/approval",
                body("contentHash", draft.path("notice").path("contentHash").asText())), 200);
        expect(publisher.post("/api/notices/" + noticeId + "/publication", body("windowStart", today().toString(),
                "windowEnd", today().plusDays(30).toString(), "historical", false)), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.as("auditor").get("/api/notices/" + noticeId).json()
                .path("notice").path("publication").isObject());

        String inCategory = submitFeedback(noticeId, body("text", "建议公开整改台账", "name", "张三", "contact", "13800001111"));
        String ownCategory = submitFeedback(noticeId, body("text", "公务用车排班没有按月公开"));
        expect(publisher.post("/api/notices/" + noticeId + "/feedback/" + inCategory + "/escalation",
                body("title", "整改台账未向社会公开", "categoryId", "c1", "note", "经核实属实")), 200);
        expect(publisher.post("/api/notices/" + noticeId + "/feedback/" + ownCategory + "/escalation",
                body("title", "公务用车使用情况公开不及时")), 200);

        JsonNode ledger = awaitLedger(api, d, l -> finding(l, "fb-" + inCategory) != null && finding(l, "fb-" + ownCategory) != null);
        JsonNode inC1 = finding(ledger, "fb-" + inCategory);
        assertThat(category(ledger, "c1").path("findings").findValuesAsText("findingId")).contains("fb-" + inCategory);
        assertThat(inC1.path("ordinal").asInt()).isEqualTo(3);
        assertThat(inC1.path("title").asText()).isEqualTo("整改台账未向社会公开");
        assertThat(inC1.path("description").asText()).isEqualTo("建议公开整改台账\n办理意见：经核实属实");
        assertThat(inC1.path("source").asText()).isEqualTo("PUBLIC_FEEDBACK");
        assertThat(inC1.path("sourceLabel").asText()).isEqualTo("群众反馈");
        assertThat(inC1.path("sourceId").asText()).isEqualTo(inCategory);
        assertThat(inC1.path("status").asText()).isEqualTo("NO_ITEMS");
        JsonNode feedbackCategory = category(ledger, "supplementary-public-feedback");
        assertThat(feedbackCategory.path("title").asText()).isEqualTo("群众反馈问题");
        assertThat(feedbackCategory.path("findings").findValuesAsText("findingId")).containsExactly("fb-" + ownCategory);
        assertThat(ledger.toString()).doesNotContain("张三").doesNotContain("13800001111");
        assertThat(ledger.path("findingTotals").path("withoutItems").asInt()).isEqualTo(2);

        // after adoption the new finding gets its item as a recorded change with a reason
        expect(api.as("rectifier").post(d.path() + "/items", body("itemId", "i-open-ledger", "findingIds", List.of("fb-" + inCategory),
                "title", "公开整改台账", "kind", "IMMEDIATE", "responsibleLeaderId", "deputy", "responsibleDepartment", "办公室",
                "measures", List.of("在门户网站公开整改台账"), "reason", "群众反馈转为整改问题")), 201);
        JsonNode withItem = awaitLedger(api, d, hasItem("fb-" + inCategory, "i-open-ledger"));
        assertThat(eventsOfType(d.rectificationId(), "SupplementaryFindingRecordedEvent", inCategory)).isEqualTo(1);

        // the dashboard counts the supplementary findings as the ledger does (one ledger arithmetic)
        JsonNode ledgerFindings = withItem.path("findingTotals");
        assertThat(ledgerFindings.path("supplementary").asInt()).isEqualTo(2);
        JsonNode[] progress = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response r = api.as("auditor").get("/api/dashboard/inspections/" + d.inspectionId() + "?today=" + today());
            progress[0] = r.status() == 200 ? r.json() : null;
            return progress[0] != null && progress[0].path("totals").path("items").asInt() == withItem.path("totals").path("items").asInt()
                    && progress[0].path("findingTotals").path("findings").asInt() == ledgerFindings.path("findings").asInt();
        });
        for (String field : List.of("findings", "completed", "basicallyCompleted", "inProgress", "notStarted", "notCompleted",
                "withoutItems", "supplementary")) {
            assertThat(progress[0].path("findingTotals").path(field).asInt()).as(field).isEqualTo(ledgerFindings.path(field).asInt());
        }
        assertThat(progress[0].path("byCategory").findValuesAsText("key")).contains("supplementary-public-feedback");
    }
}
