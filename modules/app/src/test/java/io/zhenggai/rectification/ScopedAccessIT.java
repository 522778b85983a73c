package io.zhenggai.rectification;

import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two units on one instance (issue 13): the rectifier and the leader of unit A send every write operation of the
 * ledger to A's rectification and to B's. Every A object is allowed (for the role that may send it), every B object
 * answers 404 (A's staff may not know it exists), and no refused request leaves an event. A grant revoked holds at
 * once, and the event metadata names the organisation the caller acted for.
 */
class ScopedAccessIT extends RectificationItSupport {

    static final String PASSWORD = "scoped-pass-1";

    /** The organisations, accounts and two delivered inspections of one test (fresh ids each time). */
    record World(String region, String unitA, String unitB, String group, String inspectionA, String inspectionB,
                 String rectifierA, String leaderA, String rectifierB, String inspectorG, String auditorR) {
    }

    World world;

    /** Makes the bodies of an operation sent twice differ, so that the second is a change too. */
    private int sent;

    int next() {
        return ++sent;
    }

    @BeforeEach
    void twoUnits() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        world = new World("r-" + s, "ua-" + s, "ub-" + s, "g-" + s, "ia-" + s, "ib-" + s,
                "rect_a_" + s, "lead_a_" + s, "rect_b_" + s, "insp_g_" + s, "aud_r_" + s);
        ApiClient admin = api.as("admin");
        expect(admin.post("/api/admin/organisations", body("organisationId", world.region(), "name", "南海区" + s, "kind", "REGION")), 201);
        expect(admin.post("/api/admin/organisations", body("organisationId", world.unitA(), "name", "单位甲" + s, "kind", "UNIT",
                "parentId", world.region())), 201);
        expect(admin.post("/api/admin/organisations", body("organisationId", world.unitB(), "name", "单位乙" + s, "kind", "UNIT",
                "parentId", world.region())), 201);
        expect(admin.post("/api/admin/organisations", body("organisationId", world.group(), "name", "第四巡察组" + s,
                "kind", "INSPECTION_GROUP", "parentId", world.region())), 201);
        account(world.rectifierA(), grant("RECTIFIER", world.unitA(), false));
        account(world.leaderA(), grant("UNIT_LEADER", world.unitA(), false));
        account(world.rectifierB(), grant("RECTIFIER", world.unitB(), false));
        account(world.inspectorG(), grant("INSPECTOR", world.group(), false));
        account(world.auditorR(), grant("AUDITOR", world.region(), true));
        deliver(world.inspectionA(), world.unitA());
        deliver(world.inspectionB(), world.unitB());
        for (String inspection : List.of(world.inspectionA(), world.inspectionB())) {
            awaitOpen(inspection);
            preparePlan(inspection);
        }
    }

    @Test
    void everyLedgerWriteOfUnitAsStaffReachesOnlyUnitAsLedger() {
        List<String> failures = new ArrayList<>();
        for (Operation op : operations()) {
            for (String caller : List.of(world.rectifierA(), world.leaderA())) {
                boolean mayByRole = op.roles().contains(caller.equals(world.rectifierA()) ? "RECTIFIER" : "UNIT_LEADER");
                for (String inspection : List.of(world.inspectionA(), world.inspectionB())) {
                    boolean own = inspection.equals(world.inspectionA());
                    String requestId = "scoped-" + UUID.randomUUID();
                    Response r = client(caller).header("X-Request-Id", requestId)
                            .send(op.method(), "/api/rectifications/" + inspection + op.path(), op.body(this));
                    long events = eventCountWithMetadata("requestId", requestId);
                    String what = op.method() + " " + op.path() + " as " + caller + " on " + (own ? "A" : "B") + ": " + r;
                    if (!mayByRole) {
                        check(failures, r.status() == 403 && events == 0, what + " — expected 403 (role), no event");
                    } else if (own) {
                        check(failures, r.status() >= 200 && r.status() < 300 && events > 0, what + " — expected 2xx with events");
                    } else {
                        check(failures, r.status() == 404 && events == 0, what + " — expected 404, no event");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void evidenceFilesGoOnlyIntoAndOutOfTheCallersOwnUnitsLedger() {
        byte[] scan = ("扫描件 " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Response stored = expect(upload(world.rectifierA(), PASSWORD, path(world.inspectionA()) + "/evidence-files",
                "a.pdf", "application/pdf", scan), 201);
        expect(upload(world.rectifierA(), PASSWORD, path(world.inspectionB()) + "/evidence-files",
                "a.pdf", "application/pdf", scan), 404);
        String file = "/evidence-files/" + stored.json().get("sha256").asText();
        expect(client(world.rectifierA()).header("Accept", "*/*").get(path(world.inspectionA()) + file), 200);
        expect(client(world.rectifierB()).header("Accept", "*/*").get(path(world.inspectionA()) + file), 404);
        expect(client(world.auditorR()).header("Accept", "*/*").get(path(world.inspectionA()) + file), 200);
    }

    @Test
    void unitAsLeaderApprovesOnlyUnitAsNotice() {
        String noticeA = "n-" + world.inspectionA();
        String noticeB = "n-" + world.inspectionB();
        for (String[] n : List.of(new String[]{noticeA, world.inspectionA()}, new String[]{noticeB, world.inspectionB()})) {
            expect(api.as("admin").post("/api/notices", body("noticeId", n[0], "inspectionId", n[1],
                    "narrative", body("title", "关于巡察集中整改进展情况的通报",
                            "responsibilitySections", List.of(body("title", "提高政治站位", "text", "高度重视巡察整改工作。")),
                            "nextSteps", List.of(body("title", "巩固整改成果", "text", "持续抓好整改落实。")),
                            "invitation", "欢迎广大干部群众对巡察整改落实情况进行监督。"),
                    "settings", body("publishingUnit", "单位甲", "dateWritten", today().toString(),
                            "contacts", body("phone", "0757-86280000"), "blocks", body("totals", true)))), 201);
        }
        String hashA = awaitNoticeHash(noticeA);
        String hashB = awaitNoticeHash(noticeB);
        String requestId = "scoped-" + UUID.randomUUID();
        expect(client(world.leaderA()).header("X-Request-Id", requestId)
                .post("/api/notices/" + noticeB + "/approval", body("contentHash", hashB)), 404);
        assertThat(eventCountWithMetadata("requestId", requestId)).isZero();
        expect(client(world.leaderA()).get("/api/notices/" + noticeB), 404);
        expect(client(world.leaderA()).post("/api/notices/" + noticeA + "/approval", body("contentHash", hashA)), 200);
    }

    String awaitNoticeHash(String noticeId) {
        String[] hash = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response r = client(world.auditorR()).get("/api/notices/" + noticeId);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            hash[0] = r.json().path("notice").path("contentHash").asText();
        });
        return hash[0];
    }

    @Test
    void theEventsOfAnAllowedCommandNameTheOrganisationTheCallerActedFor() {
        String requestId = "scoped-" + UUID.randomUUID();
        expect(client(world.rectifierA()).header("X-Request-Id", requestId).post(path(world.inspectionA()) + "/meetings",
                body("kind", "DEPARTMENT_MEETING", "date", today().minusDays(1), "title", "部务会")), 201);
        assertThat(eventCountWithMetadata("requestId", requestId)).isPositive();
        assertThat(jdbc.sql("""
                        select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = :r
                        and convert_from(meta_data, 'UTF8')::jsonb ->> 'organisationId' = :o""")
                .param("r", requestId).param("o", world.unitA()).query(Long.class).single())
                .isEqualTo(eventCountWithMetadata("requestId", requestId));
    }

    @Test
    void readsOfAnotherUnitsObjectsAnswer404AndAnAuditorOfTheRegionReadsBoth() {
        expect(client(world.rectifierA()).get(path(world.inspectionA())), 200);
        expect(client(world.rectifierA()).get(path(world.inspectionB())), 404);
        expect(client(world.rectifierB()).get(path(world.inspectionA())), 404);
        expect(client(world.auditorR()).get(path(world.inspectionA())), 200);
        expect(client(world.auditorR()).get(path(world.inspectionB())), 200);
        expect(client(world.auditorR()).get("/api/inspections/" + world.inspectionB()), 200);
        expect(client(world.rectifierA()).get("/api/inspections/" + world.inspectionB()), 404);
    }

    @Test
    void listsAndExportsShowUnitAsStaffNoneOfUnitBsObjects() {
        String auditorA = "aud_a_" + world.unitA();
        account(auditorA.replace('-', '_'), grant("AUDITOR", world.unitA(), false));
        ApiClient auditor = client(auditorA.replace('-', '_'));
        List<String> shown = List.of(
                expect(client(world.rectifierA()).get("/api/rectifications?size=200"), 200).text(),
                expect(client(world.rectifierA()).get("/api/dashboard/inspections?size=200"), 200).text(),
                expect(client(world.leaderA()).get("/api/dashboard/inspections?size=200"), 200).text(),
                expect(client(world.rectifierA()).get("/api/inspections?size=200"), 200).text(),
                expect(auditor.get("/api/audit/events?limit=1000"), 200).text(),
                expect(auditor.get("/api/audit/events.ndjson"), 200).text(),
                expect(auditor.get("/api/audit/events.csv"), 200).text());
        for (String list : shown) {
            assertThat(list).contains(world.inspectionA()).doesNotContain(world.inspectionB());
        }
        assertThat(expect(client(world.auditorR()).get("/api/dashboard/inspections?size=200"), 200).text())
                .as("the region's auditor sees both units").contains(world.inspectionA(), world.inspectionB());
    }

    @Test
    void aGrantRevokedHoldsWithTheNextRequest() {
        expect(client(world.rectifierA()).post(path(world.inspectionA()) + "/meetings",
                body("kind", "DEPARTMENT_MEETING", "date", today().minusDays(1), "title", "部务会")), 201);
        expect(api.as("admin").put("/api/admin/users/" + world.rectifierA(), body("password", PASSWORD,
                "grants", List.of(grant("RECTIFIER", world.unitB(), false)))), 200);
        String requestId = "scoped-" + UUID.randomUUID();
        expect(client(world.rectifierA()).header("X-Request-Id", requestId).post(path(world.inspectionA()) + "/meetings",
                body("kind", "DEPARTMENT_MEETING", "date", today().minusDays(1), "title", "部务会")), 404);
        assertThat(eventCountWithMetadata("requestId", requestId)).isZero();
        expect(client(world.rectifierA()).post(path(world.inspectionB()) + "/meetings",
                body("kind", "DEPARTMENT_MEETING", "date", today().minusDays(1), "title", "部务会")), 201);
        List<String> grantEvents = jdbc.sql("""
                        select payload_type from domain_event_entry where aggregate_identifier = :id order by sequence_number""")
                .param("id", "access-grants:" + world.rectifierA()).query(String.class).list();
        assertThat(grantEvents).hasSize(3);
        assertThat(grantEvents.get(1)).endsWith("AccessRevokedEvent");
        assertThat(grantEvents.get(2)).endsWith("AccessGrantedEvent");
    }

    @Test
    void anInspectorWritesOnlyTheInspectionsItsGroupCarriesOut() {
        String other = "g2-" + UUID.randomUUID().toString().substring(0, 6);
        expect(api.as("admin").post("/api/admin/organisations", body("organisationId", other, "name", "第五巡察组" + other,
                "kind", "INSPECTION_GROUP", "parentId", world.region())), 201);
        String id = uniqueId("insp-other");
        expect(api.as("admin").post("/api/inspections", scheduleBody(id, world.unitA(), other)), 201);
        String requestId = "scoped-" + UUID.randomUUID();
        expect(client(world.inspectorG()).header("X-Request-Id", requestId)
                .post("/api/inspections/" + id + "/fieldwork/start", body("date", today().minusDays(3))), 404);
        assertThat(eventCountWithMetadata("requestId", requestId)).isZero();
        expect(client(world.inspectorG()).post("/api/inspections", scheduleBody(uniqueId("insp-other"), world.unitA(), other)), 403);
        expect(client(world.inspectorG()).post("/api/inspections", scheduleBody(uniqueId("insp-own"), world.unitA(), world.group())), 201);
    }

    @Test
    void financeListsShowAUnitsStaffOnlyTheRuleBookOfTheirUnit() {
        String s = world.unitA().substring("ua-".length());
        String regA = uniqueId("reg-a");
        String regB = uniqueId("reg-b");
        expect(api.as("admin").post("/api/finance/regulations", body("regulationId", regA, "unit", "单位甲" + s,
                "title", "《单位甲财务管理制度》", "area", "FINANCE", "effectiveFrom", today())), 201);
        expect(api.as("admin").post("/api/finance/regulations", body("regulationId", regB, "unit", "单位乙" + s,
                "title", "《单位乙财务管理制度》", "area", "FINANCE", "effectiveFrom", today())), 201);
        assertThat(expect(client(world.leaderA()).get("/api/finance/regulations"), 200).text())
                .contains(regA).doesNotContain(regB);
        assertThat(expect(client(world.rectifierB()).get("/api/finance/regulations"), 200).text())
                .contains(regB).doesNotContain(regA);
        assertThat(expect(client(world.auditorR()).get("/api/finance/regulations"), 200).text())
                .as("the region's auditor sees both units' rule books").contains(regA, regB);
    }

    @Test
    void anInspectionLinkedToAnOrganisationNobodyRegisteredIsRefusedNamingTheFieldAndRecordsNothing() {
        String id = uniqueId("insp-unknown");
        expect(api.as("admin").post("/api/inspections", scheduleBody(id, world.unitA(), world.group())), 201);
        String requestId = "unknown-org-" + UUID.randomUUID();
        Response assigned = api.as("admin").header("X-Request-Id", requestId)
                .put("/api/admin/inspections/" + id + "/organisations", body("inspectedUnitId", "no-such-unit"));
        expect(assigned, 422);
        assertThat(assigned.text()).contains("ORGANISATION_UNKNOWN").contains("inspectedUnitId");
        String scheduleRequest = "unknown-org-" + UUID.randomUUID();
        Response scheduled = api.as("admin").header("X-Request-Id", scheduleRequest)
                .post("/api/inspections", scheduleBody(uniqueId("insp-unknown"), world.unitA(), "no-such-group"));
        expect(scheduled, 422);
        assertThat(scheduled.text()).contains("ORGANISATION_UNKNOWN").contains("inspectingGroupId");
        assertThat(eventCountWithMetadata("requestId", requestId) + eventCountWithMetadata("requestId", scheduleRequest)).isZero();
    }

    // --- the operations ----------------------------------------------------------------------------------------------

    /** A write operation of the ledger: method, path below the rectification, the roles that may send it, its body. */
    record Operation(String method, String path, List<String> roles, java.util.function.Function<ScopedAccessIT, Object> body) {
        Object body(ScopedAccessIT it) {
            return body.apply(it);
        }
    }

    static final List<String> RECTIFIER = List.of("RECTIFIER");
    static final List<String> LEADER = List.of("UNIT_LEADER");
    static final List<String> BOTH = List.of("RECTIFIER", "UNIT_LEADER");

    List<Operation> operations() {
        return List.of(
                new Operation("POST", "/items/i1/measures/m2/removal", RECTIFIER, it -> body("reason", "合并")),
                new Operation("POST", "/items/i3/removal", RECTIFIER, it -> body("reason", "重复")),
                new Operation("POST", "/plan/adoption", LEADER, it -> body("title", "整改方案", "date", it.today().minusDays(20))),
                new Operation("POST", "/items/i4/progress", RECTIFIER, it -> body("date", it.today().minusDays(5),
                        "status", "COMPLETED", "text", "已完成", "evidence", List.of(body("evidenceId", "e" + it.next(),
                        "kind", "DOCUMENT", "document", body("title", "整改文件"))))),
                new Operation("POST", "/items/i4/close-off/request", RECTIFIER, it -> body("date", it.today().minusDays(4),
                        "summary", "申请销号")),
                new Operation("POST", "/items", RECTIFIER, it -> body("findingIds", List.of("f1"), "title", "新增事项",
                        "kind", "ONGOING", "measures", List.of("措施"), "reason", "补充")),
                new Operation("PUT", "/items/i1", RECTIFIER, it -> body("findingIds", List.of("f1", "f2"), "title", "事项一（修订）",
                        "kind", "IMMEDIATE", "reason", "修订")),
                new Operation("POST", "/items/i1/measures", RECTIFIER, it -> body("text", "新增措施", "reason", "补充")),
                new Operation("PUT", "/items/i1/measures/m1", RECTIFIER, it -> body("text", "修订措施", "reason", "修订")),
                new Operation("PUT", "/items/i1/responsibility", BOTH, it -> body("responsibleLeaderId", "head",
                        "responsibleDepartment", "办公室", "handler", "干事" + it.next(), "reason", "调整")),
                new Operation("PUT", "/as-of", BOTH, it -> body("asOfDate", it.today().minusDays(it.next()), "reason", "按历史情况记录")),
                new Operation("POST", "/items/i1/progress", RECTIFIER, it -> body("date", it.today().minusDays(1),
                        "status", "COMPLETED", "text", "已完成", "evidence", List.of(body("evidenceId", "e" + it.next(),
                        "kind", "DOCUMENT", "document", body("title", "整改文件"))))),
                new Operation("POST", "/meetings", RECTIFIER, it -> body("kind", "DEPARTMENT_MEETING",
                        "date", it.today().minusDays(1), "title", "部务会")),
                new Operation("POST", "/accountability", RECTIFIER, it -> body("kind", "ADMONITION",
                        "date", it.today().minusDays(1), "count", 1)),
                new Operation("POST", "/process-metrics", RECTIFIER, it -> body("kind", "WORK_REMINDERS_SENT",
                        "count", 2, "date", it.today().minusDays(1))),
                new Operation("PUT", "/office", LEADER, it -> body("name", "整改办")),
                new Operation("POST", "/group/members", LEADER, it -> body("name", "赵委员", "role", "MEMBER",
                        "date", it.today().minusDays(2))),
                new Operation("POST", "/group/members/member/relief", LEADER, it -> body("date", it.today().minusDays(1),
                        "reason", "工作调动")),
                new Operation("POST", "/items/i2/extensions", LEADER, it -> body("newDueDate", it.today().plusDays(90),
                        "date", it.today().minusDays(1), "reason", "客观原因", "approver", "李部长")),
                new Operation("POST", "/items/i1/close-off/request", RECTIFIER, it -> body("date", it.today().minusDays(1),
                        "summary", "申请销号")),
                new Operation("POST", "/items/i1/close-off/return", LEADER, it -> body("date", it.today().minusDays(1),
                        "reason", "材料不全")),
                new Operation("POST", "/items/i4/close-off/approval", LEADER, it -> body("date", it.today().minusDays(1),
                        "comment", "同意")),
                new Operation("POST", "/items/i4/reopening", LEADER, it -> body("date", it.today(), "reason", "回头看发现反弹")));
    }

    // --- set-up ------------------------------------------------------------------------------------------------------

    static Map<String, Object> grant(String role, String organisation, boolean descendants) {
        return body("role", role, "organisationId", organisation, "includeDescendants", descendants);
    }

    void account(String username, Map<String, Object> grant) {
        expect(api.as("admin").put("/api/admin/users/" + username, body("password", PASSWORD, "grants", List.of(grant))), 200);
    }

    ApiClient client(String username) {
        return new ApiClient(port).withPassword(username, PASSWORD);
    }

    static String path(String inspection) {
        return "/api/rectifications/" + inspection;
    }

    Map<String, Object> scheduleBody(String id, String unit, String group) {
        return body("inspectionId", id, "inspectingBody", "区委第四巡察组", "inspectedUnit", "单位",
                "legalBasis", List.of("《中国共产党巡视工作条例》"), "plannedFieldworkStart", today().minusDays(70),
                "plannedFieldworkEnd", today().minusDays(40), "inspectedUnitId", unit, "inspectingGroupId", group);
    }

    /** Scheduled by the group's own inspector (scoped), up to delivered feedback with findings f1, f2. */
    void deliver(String id, String unit) {
        ApiClient inspector = client(world.inspectorG());
        expect(inspector.post("/api/inspections", scheduleBody(id, unit, world.group())), 201);
        String base = "/api/inspections/" + id;
        expect(inspector.post(base + "/fieldwork/start", body("date", today().minusDays(70))), 200);
        expect(inspector.post(base + "/categories", body("categoryId", "c1", "title", "方面一")), 201);
        expect(inspector.post(base + "/findings", body("findingId", "f1", "categoryId", "c1", "title", "问题一")), 201);
        expect(inspector.post(base + "/findings", body("findingId", "f2", "categoryId", "c1", "title", "问题二")), 201);
        expect(inspector.post(base + "/fieldwork/conclude", body("date", today().minusDays(40))), 200);
        expect(inspector.post(base + "/feedback", body("date", today().minusDays(30))), 200);
    }

    void awaitOpen(String inspection) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(client(world.auditorR()).get(path(inspection)).status()).isEqualTo(200));
    }

    /**
     * Set up by ADMIN so that every operation has something to act on: a group with a member to relieve, items i1
     * (measures m1, m2), i2 (time-bound, to extend), i3 (to remove) and i4 (completed and closed off, then reopened, by
     * the operations themselves), in a draft plan that the first operation adopts.
     */
    void preparePlan(String inspection) {
        ApiClient admin = api.as("admin");
        String p = path(inspection);
        expect(admin.post(p + "/group/members", body("memberId", "head", "name", "李部长", "role", "LEADER",
                "date", today().minusDays(28))), 201);
        expect(admin.post(p + "/group/members", body("memberId", "member", "name", "钱委员", "role", "MEMBER",
                "date", today().minusDays(28))), 201);
        for (String item : List.of("i1", "i2", "i3", "i4")) {
            Map<String, Object> b = new java.util.HashMap<>(body("itemId", item, "findingIds", List.of("f1", "f2"), "title", "事项" + item,
                    "kind", item.equals("i2") ? "TIME_BOUND" : "IMMEDIATE", "responsibleLeaderId", "head",
                    "responsibleDepartment", "办公室", "measures", List.of("措施")));
            if (item.equals("i2")) {
                b.put("dueDate", today().plusDays(30).toString());
            }
            expect(admin.post(p + "/items", b), 201);
        }
        expect(admin.post(p + "/items/i1/measures", body("measureId", "m1", "text", "措施一")), 201);
        expect(admin.post(p + "/items/i1/measures", body("measureId", "m2", "text", "措施二")), 201);
    }

    private static void check(List<String> failures, boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }


}
