package io.zhenggai.workbench;

import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection, regulation and expense, notice, audit and admin pages: each renders for a role that may use it,
 * refuses (the 403 page) every role that may not, sends anonymous users to the login page; an action refused to a
 * role leaves no event; a refused form (a missing field, a stale version) comes back to the page in zh-CN and leaves
 * no event; a preview without the CSRF token is refused.
 */
class OfficePagesAccessIT extends IntegrationTest {

    static final String INSPECTION = "/workbench/inspections/" + SeedLedger.INSPECTION_ID;
    static final String PUBLISHED = "nanhai-2023-tzb-notice";
    static final String REGULATION = "/workbench/finance/regulations/nh-tzb-reg-reception";

    private String draftId;
    private String expenseId;

    @BeforeEach
    void seed() {
        SeedLedger.load(api);
        draftId = uniqueId("wb-draft");
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", draftId, "inspectionId", SeedLedger.INSPECTION_ID)));
        expenseId = uniqueId("wb-exp");
        ok(api.as("finance_officer").post("/api/finance/expenses", Map.of("expenseId", expenseId, "unit", "区委统战部",
                "date", "2024-03-01", "amount", "560.00", "category", "RECEPTION", "payee", "某宾馆", "guests", 4, "staff", 2)));
    }

    private String draft() {
        return "/workbench/notices/" + draftId;
    }

    @Test
    void everyPageRendersForARoleThatMayUseIt() {
        Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("inspector", List.of("/workbench/inspections", INSPECTION));
        pages.put("finance_officer", List.of("/workbench/finance", "/workbench/finance?unit=区委统战部&date=2024-03-01", REGULATION,
                "/workbench/finance/expenses", "/workbench/finance/expenses/" + expenseId, "/workbench/finance/violations"));
        pages.put("publisher", List.of("/workbench/notices", "/workbench/notices?inspectionId=" + SeedLedger.INSPECTION_ID, draft(),
                "/workbench/notices/" + PUBLISHED, draft() + "/diff", "/workbench/notices/" + PUBLISHED + "/feedback"));
        pages.put("auditor", List.of("/workbench/audit", "/workbench/audit?aggregateId=" + SeedLedger.INSPECTION_ID,
                "/workbench/audit/state?inspectionId=" + SeedLedger.INSPECTION_ID + "&asOf=2024-01-01",
                "/workbench/audit/state?aggregateId=" + SeedLedger.INSPECTION_ID, "/workbench/audit/chain?correlationId=x",
                "/workbench/audit/verify?run=1"));
        pages.put("admin", List.of("/workbench/admin", "/workbench/admin/users", "/workbench/admin/projections", "/workbench/admin/cases"));
        pages.forEach((user, paths) -> {
            PageSession session = new PageSession(port).loggedInAs(user);
            for (String path : paths) {
                PageSession.Page page = session.get(path);
                assertThat(page.status()).as(user + " " + path).isEqualTo(200);
                assertThat(page.body()).as(user + " " + path).contains("lang=\"zh-CN\"", "退出登录").doesNotContain("无权访问");
            }
        });
        PageSession auditor = new PageSession(port).loggedInAs("auditor");
        assertThat(auditor.get("/workbench/audit/verify?run=1").body()).contains("校验通过");
        assertThat(auditor.get("/workbench/audit?aggregateId=" + SeedLedger.INSPECTION_ID).body())
                .contains("FeedbackDeliveredEvent", "/api/audit/events.csv?aggregateId=" + SeedLedger.INSPECTION_ID);
        assertThat(auditor.get("/workbench/audit/state?inspectionId=" + SeedLedger.INSPECTION_ID).body()).contains("Rectification");
        PageSession publisher = new PageSession(port).loggedInAs("publisher");
        assertThat(publisher.get(draft()).body()).contains("narrative-form", "必须写明成文日期", "notice-preview.js");
        assertThat(new PageSession(port).loggedInAs("inspector").get(INSPECTION).body()).contains("巡察");
    }

    @Test
    void anonymousUsersAreSentToTheLoginPage() {
        PageSession anonymous = new PageSession(port);
        for (String path : List.of("/workbench/inspections", INSPECTION, "/workbench/finance", "/workbench/finance/expenses",
                "/workbench/notices", draft(), "/workbench/audit", "/workbench/audit/verify", "/workbench/admin/users",
                "/workbench/admin/projections", "/workbench/admin/cases")) {
            PageSession.Page page = anonymous.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/login");
        }
    }

    @Test
    void eachPageRefusesTheRolesThatMayNotUseIt() {
        Map<String, List<String>> refused = new java.util.LinkedHashMap<>();
        refused.put("publisher", List.of("/workbench/inspections", INSPECTION, "/workbench/finance", REGULATION,
                "/workbench/finance/expenses", "/workbench/finance/violations", "/workbench/audit", "/workbench/admin/users"));
        refused.put("finance_officer", List.of("/workbench/inspections", "/workbench/notices", draft(), "/workbench/audit/verify"));
        refused.put("rectifier", List.of("/workbench/notices", draft(), draft() + "/diff", "/workbench/audit",
                "/workbench/audit/state", "/workbench/audit/chain", "/workbench/admin", "/workbench/admin/projections"));
        refused.put("unit_leader", List.of("/workbench/notices/" + PUBLISHED + "/feedback", "/workbench/audit",
                "/workbench/admin/cases"));
        refused.put("auditor", List.of("/workbench/admin", "/workbench/admin/users", "/workbench/admin/projections",
                "/workbench/admin/cases"));
        refused.forEach((user, paths) -> {
            PageSession session = new PageSession(port).loggedInAs(user);
            for (String path : paths) {
                PageSession.Page page = session.get(path);
                assertThat(page.status()).as(user + " " + path).isEqualTo(403);
                assertThat(page.body()).as(user + " " + path).contains("无权访问");
            }
        });
        // the nav shows only what the role may use
        assertThat(new PageSession(port).loggedInAs("publisher").get("/").body()).contains("整改通报")
                .doesNotContain("/workbench/audit", "/workbench/admin", "/workbench/inspections");
        assertThat(new PageSession(port).loggedInAs("admin").get("/").body())
                .contains("/workbench/audit", "/workbench/admin", "/workbench/inspections", "/workbench/finance", "/workbench/notices");
    }

    @Test
    void actionsRefusedToARoleLeaveNoEvent() {
        PageSession publisher = new PageSession(port).loggedInAs("publisher");
        publisher.get(draft());
        long notice = eventCount(draftId);
        assertThat(publisher.post(draft() + "/approval", Map.of("contentHash", "x", "version", "0")).status()).isEqualTo(403);

        PageSession leader = new PageSession(port).loggedInAs("unit_leader");
        leader.get(draft());
        for (String action : List.of("/narrative", "/publication", "/withdrawal", "/corrections")) {
            assertThat(leader.post(draft() + action, Map.of("title", "x", "reason", "x", "windowStart", "2024-03-25",
                    "windowEnd", "2024-04-03", "version", "0")).status()).as(action).isEqualTo(403);
        }
        assertThat(leader.post("/workbench/notices", Map.of("inspectionId", SeedLedger.INSPECTION_ID)).status()).isEqualTo(403);
        assertThat(eventCount(draftId)).isEqualTo(notice);

        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        rectifier.get(INSPECTION);
        long inspection = eventCount(SeedLedger.INSPECTION_ID);
        for (String action : List.of("/fieldwork/start", "/fieldwork/conclude", "/categories", "/findings", "/feedback",
                "/findings/f1/corrections")) {
            assertThat(rectifier.post(INSPECTION + action, Map.of("date", "2024-03-25", "title", "x", "categoryId", "c1",
                    "reason", "x")).status()).as(action).isEqualTo(403);
        }
        assertThat(rectifier.post("/workbench/inspections", Map.of("inspectingBody", "x", "inspectedUnit", "x", "kind", "XUNCHA",
                "plannedFieldworkStart", "2024-03-01", "plannedFieldworkEnd", "2024-04-01")).status()).isEqualTo(403);
        assertThat(eventCount(SeedLedger.INSPECTION_ID)).isEqualTo(inspection);

        PageSession auditor = new PageSession(port).loggedInAs("auditor");
        auditor.get("/workbench/finance/expenses/" + expenseId);
        long before = eventCount();
        assertThat(auditor.post("/workbench/finance/expenses/" + expenseId + "/rechecks", Map.of("asOf", "2024-03-01")).status())
                .isEqualTo(403);
        assertThat(auditor.get("/workbench/audit").status()).isEqualTo(200);
        assertThat(auditor.post("/workbench/admin/projections/publication-projection/replay", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.post("/workbench/admin/users", Map.of("username", "mallory", "password", "password123",
                "roles", "ADMIN")).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.as("admin").get("/api/admin/users").text()).doesNotContain("mallory");
    }

    @Test
    void aRefusedFormComesBackInChineseAndLeavesNoEvent() {
        PageSession publisher = new PageSession(port).loggedInAs("publisher");
        PageSession.Page page = publisher.get(draft());
        long before = eventCount(draftId);
        // a stale version: someone else saved meanwhile
        PageSession.Page answer = publisher.post(draft() + "/narrative", Map.of("title", "新标题", "version", "99"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(publisher.get(answer.location().replaceFirst("^https?://[^/]+", "")).body())
                .contains("数据已被他人修改", "当前版本为 0");
        // an unknown placeholder: the domain refuses it
        publisher.get(draft());
        answer = publisher.post(draft() + "/narrative", Map.of("title", "关于{{noSuchThing}}的通报", "version", "0"));
        assertThat(publisher.get(answer.location().replaceFirst("^https?://[^/]+", "")).body()).contains("noSuchThing");
        assertThat(eventCount(draftId)).isEqualTo(before);

        // a missing field of a form
        publisher.get("/workbench/notices");
        answer = publisher.post("/workbench/notices", Map.of("inspectionId", ""));
        assertThat(publisher.get("/workbench/notices").body()).contains("请填写被巡视巡察单位");

        PageSession inspector = new PageSession(port).loggedInAs("inspector");
        inspector.get("/workbench/inspections");
        long all = eventCount();
        answer = inspector.post("/workbench/inspections", Map.of("kind", "XUNCHA", "inspectingBody", "区委第二巡察组",
                "plannedFieldworkStart", "2024-13-01"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(inspector.get("/workbench/inspections").body()).contains("请填写被巡视巡察单位", "计划进驻日期不是有效的日期",
                "请填写计划结束日期");
        assertThat(eventCount()).isEqualTo(all);

        // the preview renders what was typed, checks it, stores nothing; without the CSRF token it is refused
        publisher.get(draft());
        PageSession.Page preview = publisher.post(draft() + "/preview", Map.of("title", "测试标题",
                "responsibilitySections[0].text", "健全完善制度99项。", "dateWritten", "2024-03-25"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("测试标题", "NUMBER_CONTRADICTS_LEDGER", "\"sentence\":\"健全完善制度99项。\"");
        assertThat(publisher.post(draft() + "/preview", Map.of("title", "x"), false).status()).isEqualTo(403);
        assertThat(eventCount(draftId)).isEqualTo(before);
    }

    @Test
    void theAdministratorSavesAUserOnThePageAsTheApiDoes() {
        PageSession admin = new PageSession(port).loggedInAs("admin");
        admin.get("/workbench/admin/users");
        String user = "wb" + uniqueId("u").substring(2).toLowerCase();
        // a bad grant line: refused on the page, nothing saved
        PageSession.Page answer = admin.post("/workbench/admin/users", Map.of("username", user, "password", "password123",
                "roles", "AUDITOR", "grants", "AUDITOR"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(admin.get("/workbench/admin/users").body()).contains("第1行应为");
        assertThat(api.as("admin").get("/api/admin/users").text()).doesNotContain("\"" + user + "\"");

        answer = admin.post("/workbench/admin/users", Map.of("username", user, "password", "password123", "roles", "AUDITOR"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(admin.get("/workbench/admin/users").body()).contains("已保存用户 " + user, "data-username=\"" + user + "\"");
        assertThat(api.as("admin").get("/api/admin/users").text()).contains("\"" + user + "\"");
        assertThat(new PageSession(port).login(user, "password123").location()).doesNotContain("error");
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
