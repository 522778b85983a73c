package io.zhenggai.rectification;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a rectification through HTTP on PostgreSQL: an inspection delivers feedback, the rectification
 * opens by itself, the unit sets up its group and plan, records progress with evidence (a file uploaded and
 * downloaded again), asks for close-off and has it approved; the ledger answers with totals computed from the items.
 */
class RectificationLifecycleIT extends RectificationItSupport {

    @Test
    void fromDeliveredFeedbackToAClosedOffItemOnTheLedger() throws Exception {
        Delivered d = deliverInspection();

        // 1. the rectification opens by itself, with its own copy of the categories and findings
        JsonNode opened = awaitLedger(d);
        assertThat(opened.get("rectificationId").asText()).isEqualTo(d.rectificationId());
        assertThat(opened.get("feedbackDate").asText()).isEqualTo(d.feedbackDate().toString());
        assertThat(opened.get("inspectedUnit").asText()).isEqualTo("区委统战部");
        assertThat(opened.at("/categories").size()).isEqualTo(2);
        assertThat(opened.at("/categories/0/findings/0/title").asText()).isEqualTo("“第一议题”制度落实不到位");
        assertThat(opened.at("/categories/0/findings/0/manifestations/0").asText()).isEqualTo("学习研讨流于形式");
        assertThat(opened.at("/plan/status").asText()).isEqualTo("DRAFT");
        assertThat(opened.at("/findingTotals/withoutItems").asInt()).isEqualTo(3);
        StoredEvent openedEvent = events(d.rectificationId()).get(0);
        assertThat(openedEvent.type()).isEqualTo("RectificationOpenedEvent");
        assertThat(openedEvent.metaData().get("userId").asText()).as("caused by the inspector's feedback").isEqualTo("inspector");

        // 2. leadership group, office, plan with items and ordered measures
        setUpGroup(d);
        addItem(d, "i1", List.of("f1", "f2"), "TIME_BOUND", today().plusDays(5), "办公室",
                "每月召开学习研讨会", "指导各民主党派开展主题教育");
        addItem(d, "i2", List.of("f3"), "ONGOING", null, "财务股", "修订财务管理制度");
        addItem(d, "i3", List.of("f3"), "TIME_BOUND", today().plusDays(90), "财务股", "制定采购管理办法");
        long adopted = adopt(d);
        JsonNode plan = ledgerAt(d, adopted);
        assertThat(plan.at("/plan/status").asText()).isEqualTo("ADOPTED");
        assertThat(plan.at("/plan/itemCount").asInt()).isEqualTo(3);
        assertThat(plan.at("/plan/measureCount").asInt()).isEqualTo(4);
        assertThat(plan.at("/office/name").asText()).isEqualTo("巡察整改工作领导小组办公室");
        assertThat(plan.at("/leadershipGroup/0/roleLabel").asText()).isEqualTo("组长");
        JsonNode i1 = item(plan, "i1");
        assertThat(i1.at("/measures/0/label").asText()).isEqualTo("一是");
        assertThat(i1.at("/measures/1/label").asText()).isEqualTo("二是");
        assertThat(i1.at("/measures/1/text").asText()).isEqualTo("指导各民主党派开展主题教育");
        assertThat(i1.get("responsibleLeaderName").asText()).isEqualTo("王副部长");
        assertThat(i1.get("warningLevel").asText()).as("due in 5 days").isEqualTo("YELLOW");

        // 3. an evidence file is uploaded (stored by content) and progress recorded with evidence
        byte[] scan = "%PDF-1.4 印发《区委统战部学习制度》扫描件".getBytes(StandardCharsets.UTF_8);
        Response uploaded = expect(upload("rectifier", d.path() + "/evidence-files", "学习制度.pdf", "application/pdf", scan), 201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        assertThat(uploaded.json().get("sha256").asText()).isEqualTo(sha);
        assertThat(uploaded.json().get("fileName").asText()).isEqualTo("学习制度.pdf");
        assertThat(jdbc.sql("select size from rectification_evidence_file where sha256 = :sha").param("sha", sha)
                .query(Long.class).single()).isEqualTo(scan.length);

        String measure1 = i1.at("/measures/0/measureId").asText();
        expect(api.as("rectifier").post(d.path() + "/items/i1/progress", body(
                "progressId", "p1", "measureId", measure1, "date", today().minusDays(4), "status", "COMPLETED",
                "text", "每月召开学习研讨会，在职党员结合本职工作开展学习研讨",
                "evidence", List.of(
                        body("evidenceId", "e-meeting", "kind", "MEETING",
                                "meeting", body("title", "十月学习研讨会", "kind", "学习研讨会", "date", today().minusDays(4))),
                        body("evidenceId", "e-scan", "kind", "FILE", "description", "制度印发扫描件", "file", body("sha256", sha))))),
                201);
        long progressed = version(expect(api.as("rectifier").post(d.path() + "/items/i1/progress", body(
                "progressId", "p2", "date", today().minusDays(3), "status", "COMPLETED", "text", "两项措施均已落实",
                "evidence", List.of(
                        body("evidenceId", "e-doc", "kind", "DOCUMENT", "document",
                                body("title", "区委统战部学习制度", "number", "南统〔2023〕30号", "date", today().minusDays(5))),
                        body("evidenceId", "e-fans", "kind", "FIGURE", "figure",
                                body("metric", "“南海统一战线”微信公众号粉丝", "value", 14000, "unit", "人"))))), 201));

        JsonNode afterProgress = ledgerAt(d, progressed);
        JsonNode i1Done = item(afterProgress, "i1");
        assertThat(i1Done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(i1Done.get("statusLabel").asText()).isEqualTo("已完成");
        assertThat(i1Done.get("warningLevel").asText()).as("done items raise no warning").isEqualTo("GREEN");
        assertThat(i1Done.at("/measures/0/status").asText()).isEqualTo("COMPLETED");
        assertThat(i1Done.get("evidence").size()).isEqualTo(4);
        JsonNode fileEvidence = evidence(i1Done, "e-scan");
        assertThat(fileEvidence.at("/evidence/file/sha256").asText()).isEqualTo(sha);
        assertThat(fileEvidence.get("downloadPath").asText()).isEqualTo(d.path() + "/evidence-files/" + sha);
        assertThat(evidence(i1Done, "e-fans").at("/evidence/figure/value").decimalValue()).isEqualByComparingTo("14000");
        assertThat(i1Done.at("/progress/0/recordedBy").asText()).isEqualTo("rectifier");
        assertThat(i1Done.at("/progress/0/businessDate").asText()).isEqualTo(today().minusDays(4).toString());

        // the file is served back to readers, byte for byte
        Response download = expect(api.as("auditor").header("Accept", "*/*").get(fileEvidence.get("downloadPath").asText()), 200);
        assertThat(download.bytes()).isEqualTo(scan);
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition")).contains("attachment");

        // 4. close-off: requested by the office with the evidence, approved by a unit leader on exactly that evidence
        expect(api.as("rectifier").post(d.path() + "/items/i1/close-off/request", body(
                "date", today().minusDays(2), "summary", "两项措施均已落实，申请销号")), 200);
        long approved = version(expect(api.as("unit_leader").post(d.path() + "/items/i1/close-off/approval", body(
                "date", today().minusDays(1), "comment", "同意销号",
                "evidenceIds", List.of("e-meeting", "e-scan", "e-doc", "e-fans"))), 200));
        StoredEvent approval = events(d.rectificationId()).stream().filter(e -> e.type().equals("CloseOffApprovedEvent"))
                .findFirst().orElseThrow();
        List<String> approvedIds = new ArrayList<>();
        approval.payload().get("approvedEvidence").forEach(e -> approvedIds.add(e.get("evidenceId").asText()));
        assertThat(approvedIds).containsExactly("e-meeting", "e-scan", "e-doc", "e-fans");
        assertThat(approval.payload().at("/approvedEvidence/1/sha256").asText()).isEqualTo(sha);
        assertThat(approval.payload().get("businessDate").asText()).isEqualTo(today().minusDays(1).toString());
        assertThat(approval.metaData().get("userId").asText()).isEqualTo("unit_leader");

        // 5. the ledger's totals are computed from the items; ETag = version
        ledgerAt(d, approved);
        Response ledgerResponse = expect(api.as("inspector").get(d.path()), 200);
        JsonNode ledger = ledgerResponse.json();
        assertThat(ledger.get("version").asLong()).isGreaterThanOrEqualTo(approved);
        assertThat(ledgerResponse.header("ETag")).isEqualTo("\"" + ledger.get("version").asLong() + "\"");
        JsonNode totals = ledger.get("totals");
        assertThat(totals.get("items").asInt()).isEqualTo(3);
        assertThat(totals.get("completed").asInt()).isEqualTo(1);
        assertThat(totals.get("closedOff").asInt()).isEqualTo(1);
        assertThat(totals.get("notStarted").asInt()).isEqualTo(2);
        assertThat(totals.get("overdue").asInt()).isZero();
        assertThat(totals.get("completionRate").decimalValue()).isEqualByComparingTo("33.3333333333"); // exact: 1/3 to 10 decimals
        assertThat(ledger.at("/findingTotals/completed").asInt()).as("f1 and f2 are served by i1 only").isEqualTo(2);
        assertThat(ledger.at("/findingTotals/completionRate").decimalValue()).isEqualByComparingTo("66.6666666667");
        JsonNode closed = item(ledger, "i1");
        assertThat(closed.get("closeOff").asText()).isEqualTo("CLOSED_OFF");
        assertThat(closed.get("closeOffLabel").asText()).isEqualTo("已销号");
        assertThat(closed.at("/closeOffHistory/1/action").asText()).isEqualTo("APPROVED");
        assertThat(closed.at("/closeOffHistory/1/evidence").size()).isEqualTo(4);
        assertThat(api.as("inspector").header("If-None-Match", ledgerResponse.header("ETag")).get(d.path()).status())
                .as("unchanged ledger").isEqualTo(304);

        // filters, and the warning recomputed for another threshold
        JsonNode completedOnly = expect(api.as("auditor").get(d.path() + "?status=COMPLETED"), 200).json();
        assertThat(itemIds(completedOnly)).containsOnly("i1");
        assertThat(completedOnly.at("/filteredTotals/items").asInt()).isEqualTo(1);
        assertThat(completedOnly.at("/totals/items").asInt()).isEqualTo(3);
        assertThat(itemIds(expect(api.as("auditor").get(d.path() + "?department=财务股"), 200).json())).containsOnly("i2", "i3");
        assertThat(itemIds(expect(api.as("auditor").get(d.path() + "?leader=王副部长&closeOff=NONE"), 200).json()))
                .containsOnly("i2", "i3");
        JsonNode yellow = expect(api.as("auditor").get(d.path() + "?warningLevel=YELLOW&warningDays=100"), 200).json();
        assertThat(itemIds(yellow)).containsOnly("i3");
        assertThat(yellow.at("/totals/dueSoon").asInt()).isEqualTo(1);
        assertThat(expect(api.as("auditor").get(d.path() + "?today=" + today().plusDays(91)), 200).json()
                .at("/totals/overdue").asInt()).as("i3 seen from a later day").isEqualTo(1);

        // item detail with its whole history
        JsonNode detail = expect(api.as("auditor").get(d.path() + "/items/i1"), 200).json();
        assertThat(detail.get("progress").size()).isEqualTo(2);
        assertThat(detail.at("/closeOffHistory/0/action").asText()).isEqualTo("REQUESTED");

        // the list of rectifications carries the same totals
        JsonNode list = expect(api.as("auditor").get("/api/rectifications?size=200"), 200).json();
        JsonNode summary = null;
        for (JsonNode s : list.get("items")) {
            if (s.get("inspectionId").asText().equals(d.inspectionId())) {
                summary = s;
            }
        }
        assertThat(summary).isNotNull();
        assertThat(summary.at("/totals/completed").asInt()).isEqualTo(1);
    }

    @Test
    void meetingsAccountabilityAndChangesAfterAdoptionAreOnTheRecord() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        adoptedPlan(d);

        expect(api.as("rectifier").post(d.path() + "/meetings", body("meetingId", "mt1", "kind", "DEMOCRATIC_LIFE_MEETING",
                "date", d.feedbackDate().plusDays(20), "title", "巡察整改专题民主生活会", "attendees", List.of("李部长", "王副部长"),
                "claims", List.of(body("leaderName", "李部长", "memberId", "head", "problem", "对“第一议题”学用结合抓得不紧",
                        "findingIds", List.of("f1"))), "summary", "班子成员主动认领问题")), 201);
        expect(api.as("rectifier").post(d.path() + "/accountability", body("outcomeId", "o1", "kind", "REMINDER_TALK",
                "date", d.feedbackDate().plusDays(21), "persons", List.of("甲", "乙"), "findingIds", List.of("f3"))), 201);
        expect(api.as("rectifier").post(d.path() + "/accountability", body("outcomeId", "o2", "kind", "GOVERNMENT_SANCTION",
                "date", d.feedbackDate().plusDays(21), "count", 0)), 201);
        expect(api.as("rectifier").put(d.path() + "/items/i2", body("findingIds", List.of("f3"),
                "title", "建立健全财务管理制度并严格执行", "kind", "ONGOING", "reason", "回头看后表述更准确")), 200);
        long changed = version(expect(api.as("unit_leader").put(d.path() + "/items/i1/responsibility", body(
                "responsibleLeaderId", "head", "responsibleDepartment", "干部股", "reason", "分工调整")), 200));

        JsonNode ledger = ledgerAt(d, changed);
        assertThat(ledger.at("/meetings/0/kindLabel").asText()).isEqualTo("专题民主生活会");
        assertThat(ledger.at("/meetings/0/claims/0/findingIds/0").asText()).isEqualTo("f1");
        JsonNode accountability = expect(api.as("auditor").get(d.path() + "/accountability"), 200).json();
        assertThat(accountability.get("total").asInt()).isEqualTo(2);
        assertThat(accountability.get("byKind").size()).as("only the kinds recorded, a recorded 0 included").isEqualTo(2);
        assertThat(count(accountability, "REMINDER_TALK")).isEqualTo(2);
        assertThat(count(accountability, "GOVERNMENT_SANCTION")).isZero();
        JsonNode i2 = item(ledger, "i2");
        assertThat(i2.at("/changes/0/change").asText()).isEqualTo("ITEM_REVISED");
        assertThat(i2.at("/changes/0/reason").asText()).isEqualTo("回头看后表述更准确");
        JsonNode i1 = item(ledger, "i1");
        assertThat(i1.get("responsibleDepartment").asText()).isEqualTo("干部股");
        assertThat(i1.at("/responsibilityHistory/1/reason").asText()).isEqualTo("分工调整");
        assertThat(expect(api.as("auditor").get(d.path() + "/group"), 200).json().get("members").size()).isEqualTo(2);
        assertThat(expect(api.as("auditor").get(d.path() + "/plan"), 200).json().get("status").asText()).isEqualTo("ADOPTED");
        assertThat(expect(api.as("auditor").get(d.path() + "/meetings"), 200).json().size()).isEqualTo(1);
    }

    @Test
    void aCorrectionOfAFindingAfterFeedbackReachesTheLedger() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        expect(api.as("inspector").post("/api/inspections/" + d.inspectionId() + "/findings/f3/corrections", body(
                "title", "财务管理制度不健全、执行不严", "manifestations", List.of("经费列支不规范"), "reason", "巡察组更正表述")), 200);

        JsonNode ledger = awaitLedger(api, d, l -> l.at("/categories/1/findings/0/corrections").asInt() == 1);
        assertThat(ledger.at("/categories/1/findings/0/title").asText()).isEqualTo("财务管理制度不健全、执行不严");
        assertThat(ledger.at("/categories/1/findings/0/lastCorrectionReason").asText()).isEqualTo("巡察组更正表述");
    }

    @Test
    void aReturnedCloseOffIsRequestedAgainAndALookBackReviewReopensTheItem() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        adoptedPlan(d);
        ApiClient rectifier = api.as("rectifier");
        ApiClient leader = api.as("unit_leader");
        expect(rectifier.post(d.path() + "/items/i2/progress", body("date", today().minusDays(10),
                "status", "LONG_TERM_MECHANISM_ESTABLISHED", "text", "修订《财务管理制度》",
                "evidence", List.of(body("evidenceId", "e1", "kind", "TEXT", "description", "制度已修订并印发")))), 201);
        expect(rectifier.post(d.path() + "/items/i2/close-off/request", body("date", today().minusDays(9))), 200);
        expect(leader.post(d.path() + "/items/i2/close-off/return", body("date", today().minusDays(8),
                "reason", "缺少制度文本")), 200);
        expect(rectifier.post(d.path() + "/items/i2/progress", body("date", today().minusDays(7),
                "status", "LONG_TERM_MECHANISM_ESTABLISHED",
                "evidence", List.of(body("evidenceId", "e2", "kind", "DOCUMENT", "document",
                        body("title", "区委统战部财务管理制度（修订）", "number", "南统〔2023〕31号"))))), 201);
        expect(rectifier.post(d.path() + "/items/i2/close-off/request", body("date", today().minusDays(6))), 200);
        expect(leader.post(d.path() + "/items/i2/close-off/approval", body("date", today().minusDays(5))), 200);
        long reopened = version(expect(leader.post(d.path() + "/items/i2/reopening", body("date", today(),
                "reason", "回头看发现制度执行不到位")), 200));

        JsonNode i2 = item(ledgerAt(d, reopened), "i2");
        assertThat(i2.get("closeOff").asText()).isEqualTo("NONE");
        assertThat(i2.get("status").asText()).isEqualTo("IN_PROGRESS");
        List<String> actions = new ArrayList<>();
        i2.get("closeOffHistory").forEach(r -> actions.add(r.get("action").asText()));
        assertThat(actions).containsExactly("REQUESTED", "RETURNED", "REQUESTED", "APPROVED", "REOPENED");
        assertThat(i2.at("/closeOffHistory/3/evidence").size()).as("approved on e1 and e2").isEqualTo(2);
    }

    private static int count(JsonNode accountability, String kind) {
        for (JsonNode c : accountability.get("byKind")) {
            if (c.get("kind").asText().equals(kind)) {
                return c.get("count").asInt();
            }
        }
        throw new AssertionError("no kind " + kind);
    }

    static JsonNode item(JsonNode ledger, String itemId) {
        for (JsonNode c : ledger.get("categories")) {
            for (JsonNode f : c.get("findings")) {
                for (JsonNode i : f.get("items")) {
                    if (i.get("itemId").asText().equals(itemId)) {
                        return i;
                    }
                }
            }
        }
        throw new AssertionError("no item " + itemId + " in " + ledger);
    }

    static List<String> itemIds(JsonNode ledger) {
        List<String> ids = new ArrayList<>();
        ledger.get("categories").forEach(c -> c.get("findings").forEach(f -> f.get("items")
                .forEach(i -> ids.add(i.get("itemId").asText()))));
        return ids;
    }

    private static JsonNode evidence(JsonNode item, String evidenceId) {
        for (JsonNode e : item.get("evidence")) {
            if (e.at("/evidence/evidenceId").asText().equals(evidenceId)) {
                return e;
            }
        }
        throw new AssertionError("no evidence " + evidenceId);
    }
}
