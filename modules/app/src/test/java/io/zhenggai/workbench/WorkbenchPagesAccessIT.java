package io.zhenggai.workbench;

import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ledger page and action refuses the roles that may not use it (the 403 page; anonymous users go to the login
 * page), a user whose grants do not reach the ledger gets 404, a form without its CSRF token is refused, and a
 * refused form — a missing field, a stale version — comes back to the page in zh-CN and leaves no event.
 */
class WorkbenchPagesAccessIT extends IntegrationTest {

    static final String LEDGER = "/workbench/ledgers/" + SeedLedger.INSPECTION_ID;
    static final String ITEM = LEDGER + "/items/" + SeedLedger.ONGOING_ITEM;
    static final String RECTIFICATION = RectificationIds.forInspection(SeedLedger.INSPECTION_ID);

    @BeforeEach
    void seed() {
        SeedLedger.load(api);
    }

    @Test
    void anonymousUsersAreSentToTheLoginPageFromEveryPage() {
        PageSession anonymous = new PageSession(port);
        for (String page : List.of("/", "/workbench/ledgers", LEDGER, ITEM, LEDGER + "/group", LEDGER + "/meetings",
                "/workbench/approvals")) {
            PageSession.Page answer = anonymous.get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).as(page).endsWith("/login");
        }
    }

    @Test
    void theDownloadsAreLinkedWhereTheyAreExpectedAndAnswerThePagesSession() {
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        String xlsx = "/api/rectifications/" + SeedLedger.INSPECTION_ID + "/ledger.xlsx";
        assertThat(rectifier.get(LEDGER).body()).contains("href=\"" + xlsx + "\"", "id=\"ledger-xlsx-as-of\"");
        assertThat(rectifier.get(xlsx).status()).as("the ledger as XLSX with the page's session").isEqualTo(200);
        assertThat(rectifier.get(xlsx + "?asOf=" + java.time.LocalDate.now(clock)).status()).as("as of a date (the events are recorded today)").isEqualTo(200);
        assertThat(rectifier.get("/dashboard").body()).contains("id=\"overview-xlsx\"", "id=\"round-xlsx\"");
        assertThat(rectifier.get("/api/dashboard/inspections.xlsx").status()).isEqualTo(200);
        String notice = SeedLedger.INSPECTION_ID + "-notice";
        assertThat(new PageSession(port).get("/notices/" + notice).body()).as("the public notice page")
                .contains("href=\"/notices/" + notice + ".pdf\"");
        assertThat(new PageSession(port).loggedInAs("publisher").get("/workbench/notices/" + notice).body())
                .contains("href=\"/notices/" + notice + ".pdf\"");
        assertThat(new PageSession(port).get("/notices/" + notice + ".pdf").status()).isEqualTo(200);
    }

    @Test
    void theLedgerPagesAreRefusedToRolesThatDoNotReadTheLedger() {
        for (String user : List.of("publisher", "finance_officer")) {
            PageSession session = new PageSession(port).loggedInAs(user);
            for (String page : List.of("/workbench/ledgers", LEDGER, ITEM, LEDGER + "/group", LEDGER + "/meetings")) {
                PageSession.Page answer = session.get(page);
                assertThat(answer.status()).as(user + " " + page).isEqualTo(403);
                assertThat(answer.body()).as(user + " " + page).contains("无权访问");
            }
        }
    }

    @Test
    void theQueueAndTheLeadersActionsAreRefusedToTheRectifier() {
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        assertThat(rectifier.get("/workbench/approvals").status()).isEqualTo(403);
        rectifier.get(ITEM);
        long before = eventCount(RECTIFICATION);
        for (String action : List.of("/workbench/approvals/" + SeedLedger.INSPECTION_ID + "/" + SeedLedger.CLOSED_ITEM + "/approval",
                "/workbench/approvals/" + SeedLedger.INSPECTION_ID + "/" + SeedLedger.CLOSED_ITEM + "/return",
                LEDGER + "/items/" + SeedLedger.CLOSED_ITEM + "/reopening", ITEM + "/extensions", LEDGER + "/group/members")) {
            PageSession.Page answer = rectifier.post(action, Map.of("date", "2024-03-25", "reason", "x", "name", "x",
                    "position", "x", "role", "MEMBER", "newDueDate", "2024-12-31", "approver", "x"));
            assertThat(answer.status()).as(action).isEqualTo(403);
        }
        assertThat(eventCount(RECTIFICATION)).isEqualTo(before);
    }

    @Test
    void theRecordingActionsAreRefusedToReadersAndTheLeader() {
        long before = eventCount(RECTIFICATION);
        for (String user : List.of("inspector", "auditor", "unit_leader")) {
            PageSession session = new PageSession(port).loggedInAs(user);
            PageSession.Page item = session.get(ITEM);
            assertThat(item.status()).as(user + " reads the item").isEqualTo(200);
            assertThat(item.body()).as(user + " sees no progress form").doesNotContain("progress-form");
            for (String action : List.of(ITEM + "/progress", ITEM + "/close-off/request", LEDGER + "/meetings",
                    LEDGER + "/accountability")) {
                PageSession.Page answer = session.post(action, Map.of("date", "2024-03-25", "status", "IN_PROGRESS",
                        "text", "x", "summary", "x", "kind", "OTHER", "title", "x"));
                assertThat(answer.status()).as(user + " " + action).isEqualTo(403);
            }
        }
        assertThat(eventCount(RECTIFICATION)).isEqualTo(before);
    }

    @Test
    void aLedgerOutsideTheUsersGrantsIsNotFound() {
        PageSession other = new PageSession(port).loggedInAs("rectifier_b");
        assertThat(other.get("/workbench/ledgers").body()).doesNotContain(SeedLedger.INSPECTION_ID);
        for (String page : List.of(LEDGER, ITEM)) {
            PageSession.Page answer = other.get(page);
            assertThat(answer.status()).as(page).isEqualTo(404);
            assertThat(answer.body()).contains("未找到");
        }
        other.get("/");
        long before = eventCount(RECTIFICATION);
        PageSession.Page answer = other.post(ITEM + "/progress", Map.of("date", "2024-03-25",
                "status", "LONG_TERM_MECHANISM_ESTABLISHED", "text", "越权记录"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(eventCount(RECTIFICATION)).isEqualTo(before);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        rectifier.get(ITEM);
        long before = eventCount(RECTIFICATION);
        PageSession.Page answer = rectifier.post(ITEM + "/progress", Map.of("date", "2024-03-25",
                "status", "LONG_TERM_MECHANISM_ESTABLISHED", "text", "没有令牌"), false);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(eventCount(RECTIFICATION)).isEqualTo(before);
    }

    @Test
    void aMissingFieldIsShownNextToItAndSendsNothing() {
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        rectifier.get(ITEM);
        long before = eventCount(RECTIFICATION);
        PageSession.Page answer = rectifier.post(ITEM + "/progress", Map.of("date", "not-a-date", "status", "", "text", ""));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith(ITEM);
        String page = rectifier.get(ITEM).body();
        assertThat(page).contains("data-error-for=\"date\"", "进展日期不是有效的日期", "data-error-for=\"status\"", "请选择整改状态",
                "data-error-for=\"text\"", "请填写进展情况");
        assertThat(eventCount(RECTIFICATION)).isEqualTo(before);
    }

    @Test
    void aStaleVersionIsShownAsAConflictAndSendsNothing() {
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        rectifier.get(ITEM);
        long before = eventCount(RECTIFICATION);
        PageSession.Page answer = rectifier.post(ITEM + "/progress", Map.of("version", "1", "date", "2024-03-25",
                "status", "LONG_TERM_MECHANISM_ESTABLISHED", "text", "旧版本上的记录"));
        assertThat(answer.status()).isEqualTo(302);
        String page = rectifier.get(ITEM).body();
        assertThat(page).contains("数据已被他人修改", "您提交的版本为 1");
        assertThat(eventCount(RECTIFICATION)).isEqualTo(before);
    }

    @Test
    void aRuleOfTheLedgerIsShownOnThePage() {
        PageSession leader = new PageSession(port).loggedInAs("unit_leader");
        leader.get(ITEM);
        long before = eventCount(RECTIFICATION);
        // an ongoing item (长期坚持) has no due date to extend
        PageSession.Page answer = leader.post(LEDGER + "/items/" + SeedLedger.CLOSED_ITEM + "/reopening",
                Map.of("date", "2024-03-25", "reason", ""));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(leader.get(LEDGER + "/items/" + SeedLedger.CLOSED_ITEM).body()).contains("请填写重新打开的原因");
        assertThat(eventCount(RECTIFICATION)).isEqualTo(before);
    }

    @Test
    void everyReaderOfTheLedgerOpensItsPages() {
        for (String user : List.of("rectifier", "unit_leader", "inspector", "auditor", "admin")) {
            PageSession session = new PageSession(port).loggedInAs(user);
            for (String page : List.of("/", "/workbench/ledgers", LEDGER, ITEM, LEDGER + "/group", LEDGER + "/meetings")) {
                PageSession.Page answer = session.get(page);
                assertThat(answer.status()).as(user + " " + page).isEqualTo(200);
                assertThat(answer.body()).as(user + " " + page).contains("lang=\"zh-CN\"", "退出登录");
            }
        }
        PageSession leader = new PageSession(port).loggedInAs("unit_leader");
        assertThat(leader.get("/workbench/approvals").status()).isEqualTo(200);
        assertThat(leader.get(LEDGER + "?status=COMPLETED&warningLevel=RED&department=x&leader=y&closeOff=NONE").status())
                .as("filters").isEqualTo(200);
        assertThat(leader.get(LEDGER + "?status=NOPE&warningLevel=BLUE").status()).as("an unknown filter filters nothing")
                .isEqualTo(200);
    }
}
