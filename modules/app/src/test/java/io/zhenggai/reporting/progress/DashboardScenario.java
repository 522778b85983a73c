package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole case driven through the HTTP API of every context, with business dates around today: an inspection with
 * three categories and six findings (inspection), its rectification with a leadership group, a plan of eight items
 * adopted 55 days ago plus one added afterwards, progress on business dates, a close-off, an extension, meetings and
 * accountability (rectification), regulations enacted, revised and linked, and money recovered (finance).
 * <p>
 * The plan is data ({@link #items}); the tests derive every expected figure from it, so nothing is typed twice.
 */
final class DashboardScenario {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One step of an item's history: on {@code day} (days from today) its status became {@code status}. */
    record Step(int day, String status) {
    }

    /**
     * An item of the plan. {@code due} and {@code extendedTo}: days from today (null: none). {@code closeOffDay}:
     * approved close-off on that day (null: none). {@code inPlan}: added before the plan was adopted.
     */
    record ItemSpec(String key, List<String> findings, String kind, Integer due, Integer extendedTo, String department,
                    String leader, List<Step> steps, Integer closeOffDay, boolean inPlan) {

        String finalStatus() {
            return steps.isEmpty() ? "NOT_STARTED" : steps.get(steps.size() - 1).status();
        }

        boolean done() {
            return List.of("COMPLETED", "LONG_TERM_MECHANISM_ESTABLISHED").contains(finalStatus()) || closeOffDay != null;
        }

        Integer currentDue() {
            return extendedTo != null ? extendedTo : due;
        }

        /** The first day (from today) on which the item's work is done, or null. */
        Integer doneDay() {
            return steps.stream().filter(s -> List.of("COMPLETED", "LONG_TERM_MECHANISM_ESTABLISHED").contains(s.status()))
                    .map(Step::day).findFirst().orElse(null);
        }

        /** RED, YELLOW or GREEN as the ledger defines it, on day {@code on} (from today) with a window of {@code days}. */
        String warning(int on, int days) {
            Integer d = currentDue();
            if (done() || d == null || kind.equals("ONGOING")) {
                return "GREEN";
            }
            return d < on ? "RED" : d <= on + days ? "YELLOW" : "GREEN";
        }

        /** The day (from today) from which the item counts in the plan: the adoption, or the day it was added. */
        int since() {
            return inPlan ? ADOPTION_DAY : 0;
        }
    }

    static final int FEEDBACK_DAY = -60;
    static final int ADOPTION_DAY = -55;

    static final Map<String, String> CATEGORIES = linked(
            "c1", "关于贯彻落实新时代统一战线工作部署还有差距方面",
            "c2", "关于落实全面从严治党主体责任不够到位方面",
            "c3", "关于落实财务管理制度和巡察整改要求不够严格方面");
    static final Map<String, String> FINDINGS = linked(
            "f1", "c1", "f2", "c1", "f3", "c2", "f4", "c2", "f5", "c3", "f6", "c3");
    static final Map<String, String> DEPARTMENTS = linked(
            "office", "办公室", "first", "统战一股", "second", "统战二股", "party", "机关党支部");
    static final Map<String, String> LEADERS = linked(
            "lead", "张某某", "exec", "李某某", "dep", "王某某");

    final List<ItemSpec> items = List.of(
            new ItemSpec("i1", List.of("f1"), "TIME_BOUND", -20, null, "office", "exec",
                    List.of(new Step(-50, "IN_PROGRESS"), new Step(-25, "COMPLETED")), -21, true),
            new ItemSpec("i2", List.of("f2"), "TIME_BOUND", -5, null, "first", "dep",
                    List.of(new Step(-40, "IN_PROGRESS")), null, true),
            new ItemSpec("i3", List.of("f3"), "TIME_BOUND", 5, null, "second", "dep",
                    List.of(new Step(-30, "IN_PROGRESS")), null, true),
            new ItemSpec("i4", List.of("f4"), "IMMEDIATE", 30, null, "office", "exec",
                    List.of(new Step(-45, "COMPLETED")), null, true),
            new ItemSpec("i5", List.of("f5"), "ONGOING", null, null, "party", "lead",
                    List.of(new Step(-48, "IN_PROGRESS"), new Step(-10, "LONG_TERM_MECHANISM_ESTABLISHED")), null, true),
            new ItemSpec("i6", List.of("f6"), "TIME_BOUND", 40, null, "first", "dep", List.of(), null, true),
            new ItemSpec("i7", List.of("f5", "f6"), "TIME_BOUND", -10, null, "office", "lead",
                    List.of(new Step(-12, "BASICALLY_COMPLETED")), null, true),
            new ItemSpec("i8", List.of("f3"), "TIME_BOUND", -15, 8, "second", "exec",
                    List.of(new Step(-35, "IN_PROGRESS")), null, true),
            new ItemSpec("i9", List.of("f1"), "IMMEDIATE", null, null, "office", "exec", List.of(), null, false));

    /** Meetings of record: kind, day, title, problems claimed. */
    record MeetingSpec(String kind, int day, String title, int claims) {
    }

    final List<MeetingSpec> meetings = List.of(
            new MeetingSpec("DEPARTMENT_MEETING", -58, "部务会专题研究巡察反馈意见整改工作", 0),
            new MeetingSpec("DEMOCRATIC_LIFE_MEETING", -50, "巡察整改专题民主生活会", 2),
            new MeetingSpec("LEADING_GROUP_MEETING", -20, "整改工作领导小组第二次会议", 0));

    record AccountabilitySpec(String kind, int day, int count) {
    }

    final List<AccountabilitySpec> accountability = List.of(
            new AccountabilitySpec("REMINDER_TALK", -30, 2),
            new AccountabilitySpec("CRITICISM_EDUCATION", -28, 1));

    /** Money outcomes: kind, amount; {@code ours} false for one of another inspection (must not be counted). */
    record MoneySpec(String kind, String amount, boolean ours) {
    }

    final List<MoneySpec> money = List.of(
            new MoneySpec("FUNDS_RECOVERED", "12345.67", true),
            new MoneySpec("IRREGULAR_FUNDS_REFUNDED", "8000.00", true),
            new MoneySpec("PERSONAL_COSTS_RECOVERED", "1500.50", true),
            new MoneySpec("FUNDS_RECOVERED", "99999.00", false));

    final String tag;
    final String inspectionId;
    final String unit;
    final LocalDate today;
    final Map<String, String> itemIds = new LinkedHashMap<>();
    private final ApiClient api;

    DashboardScenario(ApiClient api, String tag) {
        this.api = api;
        this.tag = tag;
        this.inspectionId = "insp-" + tag;
        this.unit = "区委统战部（" + tag + "）";
        this.today = io.zhenggai.app.support.ItClock.today();
    }

    String finding(String key) {
        return tag + "-" + key;
    }

    String item(String key) {
        return tag + "-" + key;
    }

    String date(int day) {
        return today.plusDays(day).toString();
    }

    /** Runs the whole case and waits until the dashboard has seen all of it. */
    DashboardScenario run() {
        inspection();
        rectification();
        finance();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Response r = api.as("auditor").get("/api/dashboard/inspections/" + inspectionId);
            if (r.status() != 200) {
                return false;
            }
            JsonNode p = r.json();
            return p.get("totals").get("items").asInt() == items.size()
                    && p.get("totals").get("completed").asInt() == (int) items.stream().filter(ItemSpec::done).count()
                    && p.get("meetings").get("count").asInt() == meetings.size()
                    && p.get("accountability").get("records").asInt() == accountability.size() + 1 // and the one without a number
                    && p.get("regulations").get("count").asInt() == 3
                    && p.get("money").get("byKind").findValues("count").stream().mapToInt(JsonNode::asInt).sum()
                    == (int) money.stream().filter(MoneySpec::ours).count()
                    && p.get("byStatus").findValues("count").stream().mapToInt(JsonNode::asInt).sum() == items.size()
                    && p.get("totals").get("closedOff").asInt() == (int) items.stream().filter(i -> i.closeOffDay() != null).count();
        });
        return this;
    }

    // ---------------------------------------------------------------- inspection context

    private void inspection() {
        ApiClient inspector = api.as("inspector");
        ok(inspector.post("/api/inspections", Map.of("inspectionId", inspectionId, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", unit, "mandate", "区委统一部署",
                "legalBasis", List.of("《中国共产党巡视工作条例》", "《中国共产党党内监督条例》"),
                "plannedFieldworkStart", date(-120), "plannedFieldworkEnd", date(-90))));
        ok(inspector.post("/api/inspections/" + inspectionId + "/fieldwork/start", Map.of("date", date(-120))));
        CATEGORIES.forEach((key, title) -> ok(inspector.post("/api/inspections/" + inspectionId + "/categories",
                Map.of("categoryId", key, "title", title))));
        FINDINGS.forEach((key, category) -> ok(inspector.post("/api/inspections/" + inspectionId + "/findings",
                Map.of("findingId", finding(key), "categoryId", category, "title", "反馈问题" + key.substring(1),
                        "manifestations", List.of("具体表现" + key.substring(1))))));
        ok(inspector.post("/api/inspections/" + inspectionId + "/fieldwork/conclude", Map.of("date", date(-90))));
        ok(inspector.post("/api/inspections/" + inspectionId + "/feedback", Map.of("date", date(FEEDBACK_DAY))));
        // the rectification context opens the ledger by itself when it learns of the feedback
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("rectifier").get(rectification("")).status() == 200);
    }

    // ---------------------------------------------------------------- rectification context

    private String rectification(String path) {
        return "/api/rectifications/" + inspectionId + path;
    }

    private void rectification() {
        ApiClient leader = api.as("unit_leader");
        ApiClient rectifier = api.as("rectifier");
        ok(leader.put(rectification("/office"), Map.of("name", "整改工作领导小组办公室", "hostDepartment", "办公室")));
        Map<String, String> roles = Map.of("lead", "LEADER", "exec", "EXECUTIVE_DEPUTY", "dep", "DEPUTY");
        LEADERS.forEach((key, name) -> ok(leader.post(rectification("/group/members"), Map.of("memberId", member(key),
                "name", name, "position", key.equals("lead") ? "部长" : "副部长", "role", roles.get(key), "date", date(-59)))));

        for (ItemSpec spec : items.stream().filter(ItemSpec::inPlan).toList()) {
            addItem(rectifier, spec);
        }
        ok(leader.post(rectification("/plan/adoption"), Map.of("title", "关于落实区委第四巡察组巡察反馈意见的整改方案",
                "documentNumber", "统发〔" + today.getYear() + "〕1号", "date", date(ADOPTION_DAY))));
        for (ItemSpec spec : items.stream().filter(i -> !i.inPlan()).toList()) {
            addItem(rectifier, spec);
        }

        // every step of progress, in the order of their business dates, then close-offs and extensions
        record Dated(int day, Runnable action) {
        }
        List<Dated> actions = new ArrayList<>();
        for (ItemSpec spec : items) {
            for (Step step : spec.steps()) {
                actions.add(new Dated(step.day(), () -> progress(rectifier, spec, step)));
            }
            if (spec.closeOffDay() != null) {
                actions.add(new Dated(spec.closeOffDay() - 1, () -> ok(rectifier.post(
                        rectification("/items/" + item(spec.key()) + "/close-off/request"),
                        Map.of("date", date(spec.closeOffDay() - 1), "summary", "整改完成，申请销号")))));
                actions.add(new Dated(spec.closeOffDay(), () -> ok(leader.post(
                        rectification("/items/" + item(spec.key()) + "/close-off/approval"),
                        Map.of("date", date(spec.closeOffDay()), "comment", "同意销号")))));
            }
            if (spec.extendedTo() != null) {
                actions.add(new Dated(spec.due() - 1, () -> ok(leader.post(rectification("/items/" + item(spec.key()) + "/extensions"),
                        Map.of("newDueDate", date(spec.extendedTo()), "date", date(spec.due() - 1),
                                "reason", "涉及制度修订，需提请区委审议", "approver", LEADERS.get("lead"))))));
            }
        }
        actions.stream().sorted(java.util.Comparator.comparingInt(Dated::day)).forEach(a -> a.action().run());

        for (MeetingSpec m : meetings) {
            List<Map<String, Object>> claims = new ArrayList<>();
            for (int c = 0; c < m.claims(); c++) {
                claims.add(Map.of("leaderName", LEADERS.get(c == 0 ? "lead" : "exec"), "memberId", member(c == 0 ? "lead" : "exec"),
                        "problem", "主动认领问题" + (c + 1), "findingIds", List.of(finding("f" + (c + 1)))));
            }
            ok(rectifier.post(rectification("/meetings"), Map.of("kind", m.kind(), "date", date(m.day()), "title", m.title(),
                    "attendees", List.copyOf(LEADERS.values()), "claims", claims)));
        }
        for (AccountabilitySpec a : accountability) {
            ok(rectifier.post(rectification("/accountability"), Map.of("kind", a.kind(), "date", date(a.day()),
                    "count", a.count(), "findingIds", List.of(finding("f3")), "description", "对相关责任人进行问责")));
        }
        // and one stated without a number (对相关责任人员作出处理): listed, uncounted, adding no persons
        ok(rectifier.post(rectification("/accountability"), Map.of("kind", "HANDLING", "date", date(-27),
                "personsNotCounted", true, "findingIds", List.of(finding("f3")), "description", "对相关责任人员作出处理")));
    }

    private void addItem(ApiClient rectifier, ItemSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemId", item(spec.key()));
        body.put("findingIds", spec.findings().stream().map(this::finding).toList());
        body.put("title", "整改事项" + spec.key().substring(1) + "：" + DEPARTMENTS.get(spec.department()) + "牵头落实");
        body.put("kind", spec.kind());
        if (spec.due() != null) {
            body.put("dueDate", date(spec.due()));
        }
        body.put("responsibleLeaderId", member(spec.leader()));
        body.put("responsibleDepartment", DEPARTMENTS.get(spec.department()));
        body.put("handler", "经办人" + spec.key().substring(1));
        body.put("measures", List.of("一是健全工作机制", "二是加强督促检查"));
        if (!spec.inPlan()) {
            body.put("reason", "“回头看”发现需新增整改事项");
        }
        ok(rectifier.post(rectification("/items"), body));
        itemIds.put(spec.key(), item(spec.key()));
    }

    private void progress(ApiClient rectifier, ItemSpec spec, Step step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date(step.day()));
        body.put("status", step.status());
        body.put("text", "整改进展：" + step.status());
        if (!step.status().equals("IN_PROGRESS")) {
            body.put("evidence", List.of(Map.of("kind", "DOCUMENT", "description", "印发文件",
                    "document", Map.of("title", "关于整改事项" + spec.key().substring(1) + "的通知",
                            "number", "统发〔" + today.getYear() + "〕" + (10 + spec.steps().indexOf(step)) + spec.key().substring(1) + "号", "date", date(step.day())))));
        }
        ok(rectifier.post(rectification("/items/" + item(spec.key()) + "/progress"), body));
    }

    String member(String key) {
        return tag + "-m-" + key;
    }

    // ---------------------------------------------------------------- finance context

    private void finance() {
        ApiClient finance = api.as("finance_officer");
        // enacted in answer to the inspection
        ok(finance.post("/api/finance/regulations", regulation("reg-a", "财务管理制度", "FINANCE", -40,
                List.of(Map.of("inspectionId", inspectionId, "findingId", finding("f2"))))));
        // an older regulation, revised in answer to one finding (named without its inspection)
        ok(finance.post("/api/finance/regulations", regulation("reg-b", "公务接待管理办法", "RECEPTION", -200, List.of())));
        ok(finance.post("/api/finance/regulations/" + tag + "-reg-b/revisions", Map.of("documentNumber", "统发〔修〕2号",
                "effectiveFrom", date(-30), "changeSummary", "明确接待标准和陪餐人数", "backdatingReason", "补录已印发的修订", "rules", List.of(),
                "answers", List.of(Map.of("findingId", finding("f5"))))));
        // enacted for nothing in particular, then linked to an item of this inspection
        ok(finance.post("/api/finance/regulations", regulation("reg-c", "采购管理办法", "PROCUREMENT", -35, List.of())));
        ok(finance.post("/api/finance/regulations/" + tag + "-reg-c/links",
                Map.of("inspectionId", inspectionId, "rectificationItemId", item("i7"))));
        // another inspection's regulation must not count here
        ok(finance.post("/api/finance/regulations", regulation("reg-d", "合同签署审批和备案制度", "CONTRACTS", -20,
                List.of(Map.of("inspectionId", "other-" + tag, "findingId", "other-" + tag + "-f1")))));
        int n = 0;
        for (MoneySpec m : money) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("outcomeId", tag + "-money-" + (++n));
            body.put("unit", unit);
            body.put("kind", m.kind());
            body.put("amount", new BigDecimal(m.amount()));
            body.put("date", date(-15));
            body.put("inspectionId", m.ours() ? inspectionId : "other-" + tag);
            body.put("description", "巡察整改追缴资金");
            ok(finance.post("/api/finance/money-outcomes", body));
        }
    }

    private Map<String, Object> regulation(String id, String title, String area, int effectiveDay, List<Map<String, String>> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regulationId", tag + "-" + id);
        body.put("unit", unit);
        body.put("title", title);
        body.put("area", area);
        body.put("documentNumber", "统发〔" + today.getYear() + "〕" + id);
        body.put("effectiveFrom", date(effectiveDay));
        body.put("summary", title);
        body.put("backdatingReason", "补录已印发的制度");
        body.put("rules", List.of());
        body.put("answers", answers);
        return body;
    }

    BigDecimal moneyTotal() {
        return money.stream().filter(MoneySpec::ours).map(m -> new BigDecimal(m.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---------------------------------------------------------------- helpers

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
    }

    @SafeVarargs
    private static <T> Map<T, T> linked(T... keyValues) {
        Map<T, T> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], Objects.requireNonNull(keyValues[i + 1]));
        }
        return map;
    }
}
