package io.zhenggai.rectification;

import io.zhenggai.app.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals of the rectification API: 400 for malformed input (per field), 401/403 for who may not, 404 for
 * what does not exist, 409/422 for broken rules — and a refused command leaves no event.
 */
class RectificationRulesIT extends RectificationItSupport {

    private Delivered d;
    private long adopted;

    @BeforeEach
    void deliveredAndAdopted() {
        d = deliverInspection();
        awaitLedger(d);
        adopted = adoptedPlan(d);
    }

    @Test
    void malformedInputIsA400NamingEachField() {
        Response r = expect(api.as("rectifier").post(d.path() + "/items", body("findingIds", List.of(), "kind", "SOMETIME")), 400);
        assertThat(r.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");

        Response missing = expect(api.as("rectifier").post(d.path() + "/items", body("findingIds", List.of(), "kind", "ONGOING")), 400);
        assertThat(fields(missing)).contains("findingIds", "title");

        Response badDate = expect(api.as("rectifier").post(d.path() + "/items/i1/progress",
                body("date", "2024-13-45", "status", "IN_PROGRESS", "text", "x")), 400);
        assertThat(fields(badDate)).contains("date");

        Response noReason = expect(api.as("unit_leader").post(d.path() + "/items/i1/extensions",
                body("newDueDate", today().plusDays(120), "date", today(), "approver", "李部长")), 400);
        assertThat(fields(noReason)).containsExactly("reason");

        Response badSha = expect(api.as("rectifier").post(d.path() + "/items/i1/progress", body("date", today(),
                "status", "IN_PROGRESS", "evidence", List.of(body("kind", "FILE", "file", body("sha256", "abc"))))), 400);
        assertThat(fields(badSha)).anyMatch(f -> f.contains("sha256"));

        expect(api.as("auditor").get(d.path() + "?warningDays=-1"), 400);
        expect(api.as("auditor").get(d.path() + "?warningLevel=PURPLE"), 400);
    }

    @Test
    void onlyTheRightRolesWrite() {
        expect(api.anonymous().get(d.path()), 401);
        expect(api.as("inspector").post(d.path() + "/items/i1/progress", body("date", today(), "status", "IN_PROGRESS",
                "text", "x")), 403);
        expect(api.as("unit_leader").post(d.path() + "/items/i1/progress", body("date", today(), "status", "IN_PROGRESS",
                "text", "x")), 403);
        expect(api.as("rectifier").post(d.path() + "/items/i1/extensions", body("newDueDate", today().plusDays(120),
                "date", today(), "reason", "r", "approver", "a")), 403);
        expect(api.as("rectifier").post(d.path() + "/group/members", body("name", "x", "role", "MEMBER", "date", today())), 403);
        expect(api.as("auditor").post(d.path() + "/meetings", body("kind", "OTHER", "date", today(), "title", "会")), 403);
        expect(api.as("finance_officer").post(d.path() + "/items/i1/close-off/approval", body("date", today())), 403);
        expect(api.as("publisher").get(d.path()), 403);
        expect(api.as("finance_officer").get(d.path() + "/items/i1"), 403);
        expect(upload("unit_leader", d.path() + "/evidence-files", "a.txt", "text/plain", "x".getBytes()), 403);
        // ADMIN may do everything
        expect(api.as("admin").post(d.path() + "/meetings", body("kind", "DEPARTMENT_MEETING", "date", today(),
                "title", "部务会")), 201);
    }

    @Test
    void whatDoesNotExistIs404() {
        assertThat(expect(api.as("auditor").get("/api/rectifications/no-such-inspection"), 404).json().get("code").asText())
                .isEqualTo("NOT_FOUND");
        expect(api.as("auditor").get(d.path() + "/items/no-such-item"), 404);
        expect(api.as("rectifier").post(d.path() + "/items/no-such-item/progress", body("date", today(),
                "status", "IN_PROGRESS", "text", "x")), 404);
        expect(api.as("rectifier").post("/api/rectifications/no-such-inspection/meetings", body("kind", "OTHER",
                "date", today(), "title", "会")), 404);
        expect(api.as("auditor").header("Accept", "*/*").get(d.path() + "/evidence-files/" + "0".repeat(64)), 404);
        expect(upload("rectifier", "/api/rectifications/no-such-inspection/evidence-files", "a.txt", "text/plain",
                "x".getBytes()), 404);
    }

    @Test
    void aStaleVersionIsAConflictAndLeavesNoEvent() {
        long version = adopted;
        expect(api.as("rectifier").post(d.path() + "/meetings", body("kind", "DEPARTMENT_MEETING", "date", today(),
                "title", "部务会")), 201);
        long before = eventCount(d.rectificationId());
        Response stale = expect(api.as("rectifier").header("If-Match", "\"" + version + "\"").post(d.path() + "/meetings",
                body("kind", "DEPARTMENT_MEETING", "date", today(), "title", "第二次部务会")), 409);
        assertThat(stale.json().get("code").asText()).isEqualTo("VERSION_CONFLICT");
        assertThat(eventCount(d.rectificationId())).isEqualTo(before);

        Response current = expect(api.as("rectifier").header("If-Match", "\"" + (version + 1) + "\"").post(d.path() + "/meetings",
                body("kind", "DEPARTMENT_MEETING", "date", today(), "title", "第二次部务会")), 201);
        assertThat(current.header("ETag")).isEqualTo("\"" + (version + 2) + "\"");
    }

    @Test
    void brokenRulesAre409Or422AndLeaveNoEvent() {
        long before = eventCount(d.rectificationId());

        refused(api.as("unit_leader").post(d.path() + "/plan/adoption", body("title", "方案", "date", today())), 409,
                "PLAN_ALREADY_ADOPTED");
        refused(api.as("rectifier").post(d.path() + "/items/i1/progress", body("date", today().plusDays(1),
                "status", "IN_PROGRESS", "text", "x")), 422, "DATE_IN_FUTURE");
        refused(api.as("rectifier").post(d.path() + "/items/i1/progress", body("date", d.feedbackDate().minusDays(1),
                "status", "IN_PROGRESS", "text", "x")), 422, "DATE_BEFORE_FEEDBACK");
        refused(api.as("rectifier").post(d.path() + "/items/i2/progress", body("date", today(), "status", "COMPLETED",
                "text", "x")), 422, "ONGOING_NEVER_COMPLETED");
        refused(api.as("rectifier").post(d.path() + "/items/i1/close-off/request", body("date", today())), 409,
                "ITEM_NOT_DONE");
        refused(api.as("unit_leader").post(d.path() + "/items/i1/extensions", body("newDueDate", today().plusDays(10),
                "date", today(), "reason", "r", "approver", "李部长")), 422, "EXTENSION_NOT_LATER");
        refused(api.as("rectifier").put(d.path() + "/items/i1", body("findingIds", List.of("f1", "f2"), "title", "新名称",
                "kind", "TIME_BOUND", "dueDate", today().plusDays(200), "reason", "想晚点")), 409, "USE_EXTENSION");
        refused(api.as("rectifier").post(d.path() + "/items/i1/progress", body("date", today(), "status", "IN_PROGRESS",
                "evidence", List.of(body("kind", "FILE", "file", body("sha256", "c".repeat(64)))))), 422,
                "EVIDENCE_FILE_NOT_UPLOADED");

        assertThat(eventCount(d.rectificationId())).as("no refused command left an event").isEqualTo(before);
    }

    @Test
    void closeOffWithoutEvidenceIsRefusedAndLeavesNoEvent() {
        expect(api.as("rectifier").post(d.path() + "/items/i1/progress", body("date", today(), "status", "COMPLETED",
                "text", "已完成")), 201);
        long before = eventCount(d.rectificationId());
        refused(api.as("rectifier").post(d.path() + "/items/i1/close-off/request", body("date", today())), 422,
                "EVIDENCE_REQUIRED");
        assertThat(eventCount(d.rectificationId())).isEqualTo(before);
    }

    @Test
    void aFileIsServedOnlyWithinTheRectificationItWasUploadedFor() {
        byte[] bytes = ("会议纪要 " + d.inspectionId()).getBytes(StandardCharsets.UTF_8);
        String sha = expect(upload("rectifier", d.path() + "/evidence-files", "纪要.txt", "text/plain", bytes), 201)
                .json().get("sha256").asText();
        Delivered other = deliverInspection();
        awaitLedger(other);

        expect(api.as("auditor").header("Accept", "*/*").get(d.path() + "/evidence-files/" + sha), 200);
        expect(api.as("auditor").header("Accept", "*/*").get(other.path() + "/evidence-files/" + sha), 404);
        expect(api.as("publisher").header("Accept", "*/*").get(d.path() + "/evidence-files/" + sha), 403);
    }

    private static void refused(Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).as(r.toString()).isEqualTo(code);
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
