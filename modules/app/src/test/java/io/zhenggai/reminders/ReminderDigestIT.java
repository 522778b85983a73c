package io.zhenggai.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderIds;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.app.support.ReminderChannels;
import io.zhenggai.app.support.ReminderChannels.WebhookRequest;
import io.zhenggai.reminders.delivery.Deliveries;
import io.zhenggai.reminders.digest.DigestJob;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily digest end to end (issue 16, reminders): a unit with an item due soon, one overdue and one whose close-off
 * was returned; the digest job run twice at once (two nodes) and once more by hand issues one digest per responsible
 * leader and department, which lands in the addressed account's inbox (HTTP), at the webhook receiver (signed with
 * HMAC-SHA256, retried after a 500) and in the SMTP server; every step is an event in the audit history with who and
 * when; and an account sees only its own inbox.
 */
class ReminderDigestIT extends IntegrationTest {

    @Autowired
    DigestJob job;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void theDailyDigestIsIssuedOncePerRecipientAndReachesInboxWebhookAndMail() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String unit = "区委统战部" + s;
        String leaderName = "王副部长" + s;
        String department = "办公室" + s;
        String leaderMail = "leader-" + s + "@example.org";
        String inspectionId = "rem-" + s;
        String path = "/api/rectifications/" + inspectionId;
        LocalDate today = today();

        deliver(inspectionId, unit, today);
        awaitLedger(path);
        ApiClient leader = api.as("unit_leader");
        ApiClient rectifier = api.as("rectifier");
        expect(leader.post(path + "/group/members", body("memberId", "head", "name", "李部长" + s, "position", "部长",
                "role", "LEADER", "date", today.minusDays(28))), 201);
        expect(leader.post(path + "/group/members", body("memberId", "deputy", "name", leaderName, "position", "常务副部长",
                "role", "EXECUTIVE_DEPUTY", "date", today.minusDays(28))), 201);
        addItem(path, "soon", "TIME_BOUND", today.plusDays(3), department);
        addItem(path, "late", "TIME_BOUND", today.minusDays(2), department);
        addItem(path, "back", "ONGOING", null, department);
        addItem(path, "fine", "TIME_BOUND", today.plusDays(60), department);
        expect(leader.post(path + "/plan/adoption", body("title", "整改方案", "documentNumber", "南统〔2023〕20号",
                "date", today.minusDays(20))), 200);
        expect(rectifier.post(path + "/items/back/progress", body("date", today.minusDays(10),
                "status", "LONG_TERM_MECHANISM_ESTABLISHED", "text", "修订制度",
                "evidence", List.of(body("evidenceId", "e1", "kind", "TEXT", "description", "制度已修订")))), 201);
        expect(rectifier.post(path + "/items/back/close-off/request", body("date", today.minusDays(9))), 200);
        long version = expect(leader.post(path + "/items/back/close-off/return", body("date", today.minusDays(8),
                "reason", "缺少制度文本")), 200).json().get("version").asLong();
        awaitLedger(path, l -> l.get("version").asLong() >= version);

        // the directory: the leader's digest goes to rectifier's inbox and an e-mail address, the department's to unit_leader
        ApiClient admin = api.as("admin");
        long before = eventCount();
        Response refused = admin.put("/api/admin/reminders/recipients", body("unit", unit, "kind", "LEADER",
                "name", leaderName, "accounts", List.of("rectifier"), "emails", List.of("not-an-address")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text()).contains("emails");
        assertThat(eventCount()).as("a refused request records nothing").isEqualTo(before);
        Response first = expect(admin.put("/api/admin/reminders/recipients", body("unit", unit, "kind", "LEADER",
                "name", leaderName, "accounts", List.of("rectifier"))), 200);
        String etag = first.header("ETag");
        Response second = expect(admin.header("If-Match", etag).put("/api/admin/reminders/recipients", body("unit", unit,
                "kind", "LEADER", "name", leaderName, "accounts", List.of("rectifier"), "emails", List.of(leaderMail))), 200);
        assertThat(second.header("ETag")).isNotEqualTo(etag);
        long beforeStale = eventCount();
        Response stale = admin.header("If-Match", etag).put("/api/admin/reminders/recipients", body("unit", unit,
                "kind", "LEADER", "name", leaderName, "accounts", List.of("unit_leader")));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(eventCount()).as("a stale If-Match records nothing").isEqualTo(beforeStale);
        assertThat(expect(admin.get("/api/admin/reminders/recipients"), 200).json().get("recipients").findValues("emails").toString())
                .contains(leaderMail);
        expect(admin.put("/api/admin/reminders/recipients", body("unit", unit, "kind", "DEPARTMENT", "name", department,
                "accounts", List.of("unit_leader"))), 200);

        String leaderDigest = ReminderIds.digest(today, unit, RecipientKind.LEADER, leaderName);
        String departmentDigest = ReminderIds.digest(today, unit, RecipientKind.DEPARTMENT, department);
        ReminderChannels.failFirstRequestOf(leaderDigest);

        // two nodes fire at once, then an operator runs it again by hand: one digest per recipient and day
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> job.run(today, "SCHEDULE", "node-a"));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> job.run(today, "SCHEDULE", "node-b"));
        CompletableFuture.allOf(a, b).join();
        Response manual = expect(admin.post("/api/admin/reminders/runs", null), 201);
        assertThat(manual.json().get("businessDate").asText()).isEqualTo(today.toString());
        assertThat(issuedEvents(leaderDigest)).isEqualTo(1);
        assertThat(issuedEvents(departmentDigest)).isEqualTo(1);
        JsonNode runs = expect(admin.get("/api/admin/reminders/runs?limit=3"), 200).json().get("runs");
        assertThat(runs.get(0).get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(runs.get(0).get("finishedAt").isNull()).isFalse();
        assertThat(runs.get(0).get("alreadyIssued").asInt()).isGreaterThanOrEqualTo(2);

        // the inbox of the leader's account, over HTTP: the three items, each for its reason
        JsonNode entry = await().atMost(Duration.ofSeconds(30)).until(() -> inboxEntry(rectifier, leaderDigest), Objects::nonNull);
        assertThat(entry.get("recipientName").asText()).isEqualTo(leaderName);
        assertThat(entry.get("recipientKindLabel").asText()).isEqualTo("责任领导");
        assertThat(entry.get("title").asText()).contains(leaderName, "即将到期1项", "已逾期1项", "销号申请被退回1项");
        Map<String, String> reasons = new HashMap<>();
        entry.get("entries").forEach(e -> reasons.put(e.at("/entry/itemId").asText(), e.at("/entry/reason").asText()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("soon", "DUE_SOON", "late", "OVERDUE",
                "back", "CLOSE_OFF_RETURNED"));
        entry.get("entries").forEach(e -> assertThat(e.at("/entry/rectificationLabel").asText()).isEqualTo("巡察整改"));
        assertThat(entry.findValuesAsText("returnReason")).contains("缺少制度文本");
        assertThat(entry.findValuesAsText("daysRemaining")).contains("3", "-2");
        assertThat(entry.get("readAt").isNull()).isTrue();

        // scope: each account sees its own inbox only
        assertThat(inboxEntry(leader, leaderDigest)).isNull();
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> inboxEntry(leader, departmentDigest), Objects::nonNull)
                .get("recipientKindLabel").asText()).isEqualTo("责任部门");
        assertThat(inboxEntry(rectifier, departmentDigest)).isNull();
        ApiClient other = api.as("rectifier_b");
        assertThat(inboxEntry(other, leaderDigest)).isNull();
        // (the digest's deliveries keep recording their own events meanwhile: count the reads only)
        assertThat(other.post("/api/inbox/" + leaderDigest + "/read", null).status()).isEqualTo(404);
        assertThat(expect(rectifier.get("/api/inbox/" + departmentDigest), 404).status()).isEqualTo(404);
        assertThat(eventsOf(leaderDigest, "ReminderReadEvent")).as("a refused read records nothing").isZero();

        // the webhook: one signed request per digest that succeeded; the leader's after a 500 and a retry
        await().atMost(Duration.ofSeconds(60)).until(() -> webhookOf(leaderDigest).stream().anyMatch(r -> r.answered() == 204)
                && webhookOf(departmentDigest).stream().anyMatch(r -> r.answered() == 204));
        List<WebhookRequest> leaderHooks = webhookOf(leaderDigest);
        assertThat(leaderHooks).extracting(WebhookRequest::answered).containsExactly(500, 204);
        assertThat(webhookOf(departmentDigest)).extracting(WebhookRequest::answered).containsExactly(204);
        for (WebhookRequest r : leaderHooks) {
            assertThat(r.header("X-Zhenggai-Signature"))
                    .isEqualTo("sha256=" + Deliveries.sign(ReminderChannels.WEBHOOK_SECRET, r.body()));
            assertThat(r.header("X-Zhenggai-Signature"))
                    .isNotEqualTo("sha256=" + Deliveries.sign("another secret", r.body()));
        }
        JsonNode hook = JSON.readTree(leaderHooks.get(1).body());
        assertThat(hook.get("digestId").asText()).isEqualTo(leaderDigest);
        assertThat(hook.at("/recipient/name").asText()).isEqualTo(leaderName);
        assertThat(hook.get("entries")).hasSize(3);

        // the e-mail, in the test SMTP server
        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(leaderMail), Objects::nonNull);
        assertThat(mail.getSubject()).contains(leaderName, "整改提醒");
        String text = String.valueOf(mail.getContent());
        assertThat(text).contains("已逾期", "即将到期", "销号申请被退回", "整改事项 soon", "缺少制度文本", unit);

        // reading it is recorded once
        JsonNode read = expect(rectifier.post("/api/inbox/" + leaderDigest + "/read", null), 200).json();
        assertThat(read.get("readAt").isNull()).isFalse();
        expect(rectifier.post("/api/inbox/" + leaderDigest + "/read", null), 200);
        assertThat(expect(rectifier.get("/api/inbox?unreadOnly=true&size=100"), 200).json().findValuesAsText("digestId"))
                .doesNotContain(leaderDigest);

        // the history: who was reminded of what, through which channel, and when
        await().atMost(Duration.ofSeconds(30)).until(() -> types(leaderDigest).contains("ReminderDeliveredEvent:EMAIL"));
        List<JsonNode> history = audit(leaderDigest);
        assertThat(history).extracting(e -> e.get("type").asText() + ":" + e.at("/payload/channel").asText(""))
                .containsOnlyOnce("DigestIssuedEvent:", "ReminderDeliveredEvent:INBOX", "ReminderDeliveryFailedEvent:WEBHOOK",
                        "ReminderDeliveredEvent:WEBHOOK", "ReminderDeliveredEvent:EMAIL", "ReminderReadEvent:");
        JsonNode issued = history.get(0);
        assertThat(issued.get("type").asText()).isEqualTo("DigestIssuedEvent");
        assertThat(issued.get("userId").asText()).isIn("system", "admin");
        assertThat(issued.get("recordedAt").asText()).isNotBlank();
        assertThat(issued.at("/payload/accounts/0").asText()).isEqualTo("rectifier");
        JsonNode failed = history.stream().filter(e -> e.get("type").asText().equals("ReminderDeliveryFailedEvent")).findFirst()
                .orElseThrow();
        assertThat(failed.at("/payload/willRetry").asBoolean()).isTrue();
        assertThat(failed.at("/payload/error").asText()).contains("500");
        JsonNode readEvent = history.get(history.size() - 1);
        assertThat(readEvent.get("type").asText()).isEqualTo("ReminderReadEvent");
        assertThat(readEvent.get("userId").asText()).isEqualTo("rectifier");
    }

    private long issuedEvents(String digestId) {
        return eventsOf(digestId, "DigestIssuedEvent");
    }

    private long eventsOf(String digestId, String eventType) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id and payload_type like :type")
                .param("id", digestId).param("type", "%" + eventType).query(Long.class).single();
    }

    private static JsonNode inboxEntry(ApiClient user, String digestId) {
        Response r = user.get("/api/inbox?size=100");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode item : r.json().get("items")) {
            if (item.get("digestId").asText().equals(digestId)) {
                return item;
            }
        }
        return null;
    }

    private static List<WebhookRequest> webhookOf(String digestId) {
        return ReminderChannels.webhookRequests().stream().filter(r -> digestId.equals(r.header("X-Zhenggai-Digest-Id"))).toList();
    }

    private static MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage m : ReminderChannels.smtp().getReceivedMessages()) {
            if (Stream.of(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
                return m;
            }
        }
        return null;
    }

    private List<JsonNode> audit(String aggregateId) {
        Response r = api.as("auditor").get("/api/audit/events?limit=100&aggregateId=" + URLEncoder.encode(aggregateId, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    private List<String> types(String aggregateId) {
        return audit(aggregateId).stream().map(e -> e.get("type").asText() + ":" + e.at("/payload/channel").asText("")).toList();
    }

    // --- the rectification the digest reads, through the public API ---

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private void deliver(String id, String unit, LocalDate today) {
        ApiClient inspector = api.as("inspector");
        expect(inspector.post("/api/inspections", body("inspectionId", id, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", unit, "mandate", "区委统一部署", "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", today.minusDays(70), "plannedFieldworkEnd", today.minusDays(40))), 201);
        expect(inspector.post("/api/inspections/" + id + "/fieldwork/start", body("date", today.minusDays(70))), 200);
        expect(inspector.post("/api/inspections/" + id + "/categories", body("categoryId", "c1", "title", "关于……方面")), 201);
        expect(inspector.post("/api/inspections/" + id + "/findings", body("findingId", "f1", "categoryId", "c1",
                "title", "“第一议题”制度落实不到位")), 201);
        expect(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", body("date", today.minusDays(40))), 200);
        expect(inspector.post("/api/inspections/" + id + "/feedback", body("date", today.minusDays(30))), 200);
    }

    private JsonNode awaitLedger(String path) {
        return awaitLedger(path, l -> true);
    }

    private JsonNode awaitLedger(String path, java.util.function.Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = api.as("auditor").get(path);
            return r.status() == 200 && until.test(r.json()) ? r.json() : null;
        }, Objects::nonNull);
    }

    private void addItem(String path, String itemId, String kind, LocalDate due, String department) {
        Map<String, Object> body = body("itemId", itemId, "findingIds", List.of("f1"), "title", "整改事项 " + itemId,
                "kind", kind, "responsibleLeaderId", "deputy", "responsibleDepartment", department, "handler", "张干事",
                "measures", List.of("落实措施"), "dueDate", due);
        expect(api.as("rectifier").post(path + "/items", body), 201);
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                map.put((String) keyValues[i], value instanceof LocalDate date ? date.toString() : value);
            }
        }
        return map;
    }

    private static Response expect(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }
}
