package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.reporting.progress.DashboardScenario.ItemSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The progress read model and its query API (/api/dashboard/…) on a case driven through the HTTP API of the
 * inspection, rectification and finance contexts. Every expected figure is derived from the scenario's plan, and the
 * headline figures are also compared with what the rectification and finance contexts compute on their own.
 */
class ProgressApiIT extends IntegrationTest {

    private static DashboardScenario scenario;

    private DashboardScenario scenario() {
        synchronized (ProgressApiIT.class) {
            if (scenario == null) {
                scenario = new DashboardScenario(api, uniqueId("dash")).run();
            }
            return scenario;
        }
    }

    private JsonNode progress(String query) {
        Response r = api.as("rectifier").get("/api/dashboard/inspections/" + scenario().inspectionId + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static BigDecimal rate(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 10, RoundingMode.HALF_UP);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    private long count(Predicate<ItemSpec> p) {
        return scenario().items.stream().filter(p).count();
    }

    @Test
    void countsTheItemsOfAnInspectionByStatusAndWarningAsTheLedgerDoes() {
        DashboardScenario s = scenario();
        JsonNode p = progress("");
        JsonNode t = p.get("totals");

        assertThat(p.get("inspectedUnit").asText()).isEqualTo(s.unit);
        assertThat(p.get("status").asText()).isEqualTo("FEEDBACK_DELIVERED");
        assertThat(p.get("feedbackDate").asText()).isEqualTo(s.date(DashboardScenario.FEEDBACK_DAY));
        assertThat(p.get("planStatus").asText()).isEqualTo("ADOPTED");
        assertThat(p.get("planAdoptedDate").asText()).isEqualTo(s.date(DashboardScenario.ADOPTION_DAY));
        assertThat(p.get("officeName").asText()).isEqualTo("整改工作领导小组办公室");
        assertThat(p.get("today").asText()).isEqualTo(s.today.toString());
        assertThat(p.get("warningDays").asInt()).isEqualTo(10);

        long done = count(ItemSpec::done);
        assertThat(t.get("items").asInt()).isEqualTo(s.items.size());
        assertThat(t.get("completed").asLong()).isEqualTo(done);
        assertThat(t.get("notStarted").asLong()).isEqualTo(count(i -> !i.done() && i.finalStatus().equals("NOT_STARTED")));
        assertThat(t.get("inProgress").asLong()).isEqualTo(count(i -> !i.done() && i.finalStatus().equals("IN_PROGRESS")));
        assertThat(t.get("basicallyCompleted").asLong()).isEqualTo(count(i -> !i.done() && i.finalStatus().equals("BASICALLY_COMPLETED")));
        assertThat(t.get("notCompleted").asLong()).isEqualTo(count(i -> !i.done() && i.finalStatus().equals("NOT_COMPLETED")));
        assertThat(t.get("completed").asInt() + t.get("notStarted").asInt() + t.get("inProgress").asInt()
                + t.get("basicallyCompleted").asInt() + t.get("notCompleted").asInt())
                .as("every item counted once").isEqualTo(s.items.size());
        assertThat(t.get("closedOff").asLong()).isEqualTo(count(i -> i.closeOffDay() != null));
        assertThat(t.get("overdue").asLong()).isEqualTo(count(i -> i.warning(0, 10).equals("RED"))).isPositive();
        assertThat(t.get("dueSoon").asLong()).isEqualTo(count(i -> i.warning(0, 10).equals("YELLOW"))).isPositive();
        assertThat(t.get("completionRate").decimalValue()).isEqualByComparingTo(rate(done, s.items.size()));

        for (JsonNode status : p.get("byStatus")) {
            assertThat(status.get("count").asLong()).as(status.toString())
                    .isEqualTo(count(i -> i.finalStatus().equals(status.get("status").asText())));
        }
        assertThat(p.get("byStatus")).hasSize(6);
        Map<String, Long> warnings = new LinkedHashMap<>();
        for (JsonNode w : p.get("warnings")) {
            warnings.put(w.get("level").asText(), w.get("count").asLong());
        }
        assertThat(warnings).containsExactly(
                Map.entry("GREEN", count(i -> !i.done() && i.warning(0, 10).equals("GREEN"))),
                Map.entry("YELLOW", count(i -> i.warning(0, 10).equals("YELLOW"))),
                Map.entry("RED", count(i -> i.warning(0, 10).equals("RED"))));

        // the rectification context computes the same totals from its own ledger
        JsonNode ledger = api.as("rectifier").get("/api/rectifications/" + s.inspectionId).json();
        for (String field : List.of("items", "completed", "closedOff", "closeOffRequested", "overdue", "dueSoon", "notStarted",
                "inProgress", "basicallyCompleted", "notCompleted", "longTermMechanism")) {
            assertThat(t.get(field).asInt()).as(field).isEqualTo(ledger.get("totals").get(field).asInt());
        }
        assertThat(t.get("completionRate").decimalValue()).isEqualByComparingTo(ledger.get("totals").get("completionRate").decimalValue());
        for (String field : List.of("findings", "completed", "basicallyCompleted", "inProgress", "notStarted", "notCompleted",
                "withoutItems", "supplementary")) {
            assertThat(p.get("findingTotals").get(field).asInt()).as(field)
                    .isEqualTo(ledger.get("findingTotals").get(field).asInt());
        }
        assertThat(p.get("findingTotals").get("findings").asInt()).isEqualTo(DashboardScenario.FINDINGS.size());
    }

    @Test
    void breaksTheItemsDownByCategoryDepartmentAndLeader() {
        DashboardScenario s = scenario();
        JsonNode p = progress("");

        JsonNode categories = p.get("byCategory");
        assertThat(texts(categories, "key")).containsExactlyElementsOf(DashboardScenario.CATEGORIES.keySet());
        for (JsonNode c : categories) {
            String key = c.get("key").asText();
            Predicate<ItemSpec> inCategory = i -> i.findings().stream().anyMatch(f -> DashboardScenario.FINDINGS.get(f).equals(key));
            assertThat(c.get("label").asText()).isEqualTo(DashboardScenario.CATEGORIES.get(key));
            assertThat(c.get("totals").get("items").asLong()).as(key).isEqualTo(count(inCategory));
            assertThat(c.get("totals").get("completed").asLong()).as(key).isEqualTo(count(inCategory.and(ItemSpec::done)));
        }

        JsonNode departments = p.get("byDepartment");
        assertThat(departments).hasSize(DashboardScenario.DEPARTMENTS.size());
        for (JsonNode d : departments) {
            String department = DashboardScenario.DEPARTMENTS.entrySet().stream()
                    .filter(e -> e.getValue().equals(d.get("label").asText())).findFirst().orElseThrow().getKey();
            Predicate<ItemSpec> of = i -> i.department().equals(department);
            assertThat(d.get("totals").get("items").asLong()).as(department).isEqualTo(count(of));
            assertThat(d.get("totals").get("completed").asLong()).as(department).isEqualTo(count(of.and(ItemSpec::done)));
            assertThat(d.get("totals").get("overdue").asLong()).as(department)
                    .isEqualTo(count(of.and(i -> i.warning(0, 10).equals("RED"))));
        }
        int sum = 0;
        for (JsonNode d : departments) {
            sum += d.get("totals").get("items").asInt();
        }
        assertThat(sum).isEqualTo(s.items.size());

        JsonNode leaders = p.get("byLeader");
        for (JsonNode l : leaders) {
            String key = l.get("key").asText().substring((s.tag + "-m-").length());
            assertThat(l.get("label").asText()).isEqualTo(DashboardScenario.LEADERS.get(key));
            assertThat(l.get("totals").get("items").asLong()).as(key).isEqualTo(count(i -> i.leader().equals(key)));
        }
        assertThat(leaders).hasSize(DashboardScenario.LEADERS.size());
    }

    @Test
    void listsTheNextDueAndTheOverdueItemsWithTheirDates() {
        DashboardScenario s = scenario();
        JsonNode p = progress("");

        List<String> expectedNext = s.items.stream()
                .filter(i -> !i.done() && !i.kind().equals("ONGOING") && i.currentDue() != null && i.currentDue() >= 0)
                .sorted(Comparator.comparing(ItemSpec::currentDue)).map(i -> s.item(i.key())).toList();
        assertThat(texts(p.get("nextDue"), "itemId")).containsExactlyElementsOf(expectedNext);
        List<String> expectedOverdue = s.items.stream().filter(i -> i.warning(0, 10).equals("RED"))
                .sorted(Comparator.comparing(ItemSpec::currentDue)).map(i -> s.item(i.key())).toList();
        assertThat(texts(p.get("overdue"), "itemId")).containsExactlyElementsOf(expectedOverdue);
        for (JsonNode item : p.get("overdue")) {
            ItemSpec spec = s.items.stream().filter(i -> s.item(i.key()).equals(item.get("itemId").asText())).findFirst().orElseThrow();
            assertThat(item.get("daysRemaining").asInt()).isEqualTo(spec.currentDue());
            assertThat(item.get("currentDueDate").asText()).isEqualTo(s.date(spec.currentDue()));
            assertThat(item.get("warningLabel").asText()).isEqualTo("逾期");
            assertThat(item.get("responsibleDepartment").asText()).isEqualTo(DashboardScenario.DEPARTMENTS.get(spec.department()));
        }
        assertThat(progress("?nextDue=1").get("nextDue")).hasSize(1);

        ItemSpec extended = s.items.stream().filter(i -> i.extendedTo() != null).findFirst().orElseThrow();
        JsonNode extendedItem = StreamSupport.stream(p.get("nextDue").spliterator(), false)
                .filter(n -> n.get("itemId").asText().equals(s.item(extended.key()))).findFirst().orElseThrow();
        assertThat(extendedItem.get("extensions").asInt()).isEqualTo(1);
        assertThat(extendedItem.get("originalDueDate").asText()).isEqualTo(s.date(extended.due()));
        assertThat(extendedItem.get("currentDueDate").asText()).isEqualTo(s.date(extended.extendedTo()));

        // the system records an unfinished item overdue the day after its due date (a persistent deadline)
        ItemSpec late = s.items.stream().filter(i -> i.warning(0, 10).equals("RED")).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode item = StreamSupport.stream(progress("").get("overdue").spliterator(), false)
                    .filter(n -> n.get("itemId").asText().equals(s.item(late.key()))).findFirst().orElseThrow();
            assertThat(item.get("overdueSince").asText()).isEqualTo(s.date(late.currentDue() + 1));
        });
    }

    @Test
    void warningLevelsAreComputedForTheDayAndTheWindowAsked() {
        DashboardScenario s = scenario();
        for (int[] ask : new int[][]{{0, 0}, {0, 30}, {6, 10}, {-30, 10}}) {
            int on = ask[0];
            int days = ask[1];
            JsonNode t = progress("?today=" + s.date(on) + "&warningDays=" + days).get("totals");
            assertThat(t.get("overdue").asLong()).as("today%+d, %d days", on, days)
                    .isEqualTo(count(i -> i.warning(on, days).equals("RED")));
            assertThat(t.get("dueSoon").asLong()).as("today%+d, %d days", on, days)
                    .isEqualTo(count(i -> i.warning(on, days).equals("YELLOW")));
        }
        JsonNode later = progress("?today=" + s.date(6));
        assertThat(later.get("today").asText()).isEqualTo(s.date(6));
        assertThat(later.get("series")).hasSize(6 - DashboardScenario.FEEDBACK_DAY + 1);
        assertThat(api.as("rectifier").get("/api/dashboard/inspections/" + s.inspectionId + "?warningDays=-1").status()).isEqualTo(400);
        assertThat(api.as("rectifier").get("/api/dashboard/inspections/" + s.inspectionId + "?today=2024-02-30").status()).isEqualTo(400);
    }

    @Test
    void theDailySeriesFollowsTheBusinessDatesFromFeedbackToToday() {
        DashboardScenario s = scenario();
        JsonNode series = progress("").get("series");

        List<String> expected = new ArrayList<>();
        for (int day = DashboardScenario.FEEDBACK_DAY; day <= 0; day++) {
            int d = day;
            long items = count(i -> i.since() <= d);
            long completed = count(i -> i.since() <= d && i.doneDay() != null && i.doneDay() <= d);
            expected.add(s.date(d) + " " + items + "/" + completed + "/" + (items - completed));
        }
        List<String> actual = StreamSupport.stream(series.spliterator(), false)
                .map(n -> n.get("date").asText() + " " + n.get("items").asInt() + "/" + n.get("completed").asInt() + "/"
                        + n.get("open").asInt())
                .toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(series.get(0).get("items").asInt()).isZero();
        assertThat(series.get(series.size() - 1).get("completed").asLong()).isEqualTo(count(ItemSpec::done));
    }

    @Test
    void regulationsMoneyAccountabilityAndMeetingsComeFromTheirContexts() {
        DashboardScenario s = scenario();
        JsonNode p = progress("");

        JsonNode regulations = p.get("regulations");
        assertThat(regulations.get("count").asInt()).isEqualTo(3);
        assertThat(regulations.get("enacted").asInt()).isEqualTo(2);
        assertThat(regulations.get("revised").asInt()).isEqualTo(1);
        assertThat(regulations.get("label").asText()).isEqualTo("健全完善制度3项（制定2项、修订1项）");
        assertThat(texts(regulations.get("items"), "title")).containsExactlyInAnyOrder("财务管理制度", "公务接待管理办法", "采购管理办法");
        // the finance context attributes the same regulations to the inspection
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api.as("rectifier")
                .get("/api/finance/inspections/" + s.inspectionId + "/regulations").json().get("count").asInt())
                .isEqualTo(regulations.get("count").asInt()));

        JsonNode money = p.get("money");
        assertThat(money.get("total").decimalValue()).isEqualByComparingTo(s.moneyTotal());
        assertThat(money.get("totalWanYuan").decimalValue()).isEqualByComparingTo(s.moneyTotal().movePointLeft(4));
        assertThat(money.get("totalWanYuanText").asText())
                .as("exact, with the decimals the amount has").isEqualTo(s.moneyTotal().movePointLeft(4).stripTrailingZeros().toPlainString() + "万元");
        assertThat(money.get("byKind")).hasSize(4);
        for (JsonNode kind : money.get("byKind")) {
            BigDecimal expected = s.money.stream().filter(m -> m.ours() && m.kind().equals(kind.get("kind").asText()))
                    .map(m -> new BigDecimal(m.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(kind.get("amount").decimalValue()).as(kind.toString()).isEqualByComparingTo(expected);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api.as("rectifier")
                .get("/api/finance/money-outcomes?inspectionId=" + s.inspectionId).json().get("total").decimalValue())
                .isEqualByComparingTo(money.get("total").decimalValue()));

        JsonNode accountability = p.get("accountability");
        assertThat(texts(accountability.get("byKind"), "kind")).as("only the kinds recorded (ledger.Accountability)")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                        s.accountability.stream().map(DashboardScenario.AccountabilitySpec::kind), java.util.stream.Stream.of("HANDLING"))
                        .distinct().toList());
        for (JsonNode kind : accountability.get("byKind")) {
            assertThat(kind.get("uncounted").asBoolean()).as(kind.toString()).isEqualTo(kind.get("kind").asText().equals("HANDLING"));
        }
        assertThat(accountability.get("total").asInt())
                .isEqualTo(s.accountability.stream().mapToInt(DashboardScenario.AccountabilitySpec::count).sum());
        for (JsonNode kind : accountability.get("byKind")) {
            assertThat(kind.get("count").asInt()).as(kind.toString()).isEqualTo(s.accountability.stream()
                    .filter(a -> a.kind().equals(kind.get("kind").asText())).mapToInt(DashboardScenario.AccountabilitySpec::count).sum());
        }

        JsonNode meetings = p.get("meetings");
        assertThat(meetings.get("count").asInt()).isEqualTo(s.meetings.size());
        assertThat(texts(meetings.get("items"), "date")).containsExactlyElementsOf(
                s.meetings.stream().map(m -> s.date(m.day())).sorted().toList());
        assertThat(texts(meetings.get("items"), "kindLabel")).contains("部务会", "专题民主生活会");
        int claims = 0;
        for (JsonNode m : meetings.get("items")) {
            claims += m.get("claims").asInt();
        }
        assertThat(claims).isEqualTo(s.meetings.stream().mapToInt(DashboardScenario.MeetingSpec::claims).sum());
    }

    @Test
    void theOverviewListsEveryInspectionWithItsHeadlineFigures() {
        DashboardScenario s = scenario();
        String scheduledOnly = uniqueId("insp");
        assertThat(api.as("inspector").post("/api/inspections", Map.of("inspectionId", scheduledOnly, "inspectingBody", "区委第一巡察组",
                "inspectedUnit", "区文广旅体局", "plannedFieldworkStart", s.date(-5), "plannedFieldworkEnd", s.date(20))).status())
                .isEqualTo(201);

        JsonNode overview = await().atMost(Duration.ofSeconds(15)).until(
                () -> api.as("unit_leader").get("/api/dashboard/inspections?size=200").json(),
                o -> StreamSupport.stream(o.get("items").spliterator(), false)
                        .anyMatch(i -> i.get("inspectionId").asText().equals(scheduledOnly)));
        JsonNode ours = StreamSupport.stream(overview.get("items").spliterator(), false)
                .filter(i -> i.get("inspectionId").asText().equals(s.inspectionId)).findFirst().orElseThrow();
        JsonNode detail = progress("");
        assertThat(ours.get("totals")).isEqualTo(detail.get("totals"));
        assertThat(ours.get("findings").asInt()).isEqualTo(DashboardScenario.FINDINGS.size());
        assertThat(ours.get("regulations").asInt()).isEqualTo(detail.get("regulations").get("count").asInt());
        assertThat(ours.get("moneyTotal").decimalValue()).isEqualByComparingTo(s.moneyTotal());
        assertThat(ours.get("accountability").asInt()).isEqualTo(detail.get("accountability").get("total").asInt());
        assertThat(ours.get("meetings").asInt()).isEqualTo(s.meetings.size());
        assertThat(ours.get("planStatusLabel").asText()).isEqualTo("整改方案已通过");

        JsonNode scheduled = StreamSupport.stream(overview.get("items").spliterator(), false)
                .filter(i -> i.get("inspectionId").asText().equals(scheduledOnly)).findFirst().orElseThrow();
        assertThat(scheduled.get("planStatus").asText()).isEqualTo("NONE");
        assertThat(scheduled.get("statusLabel").asText()).isEqualTo("已安排");
        assertThat(scheduled.get("totals").get("items").asInt()).isZero();

        // totals over all inspections add up the inspections' items
        int items = 0;
        for (JsonNode i : overview.get("items")) {
            items += i.get("totals").get("items").asInt();
        }
        assertThat(overview.get("totals").get("items").asInt()).isEqualTo(items);
        assertThat(overview.get("total").asLong()).isEqualTo(overview.get("items").size());
    }

    @Test
    void readersSeeTheDashboardOthersAreRefused() {
        String path = "/api/dashboard/inspections/" + scenario().inspectionId;
        for (String reader : List.of("unit_leader", "auditor", "inspector", "rectifier", "admin")) {
            assertThat(api.as(reader).get(path).status()).as(reader).isEqualTo(200);
            assertThat(api.as(reader).get("/api/dashboard/inspections").status()).as(reader).isEqualTo(200);
            Response page = api.as(reader).header("Accept", "text/html").get("/dashboard");
            assertThat(page.status()).as(reader).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.text()).contains("整改进度看板", "/webjars/echarts/5.3.1/dist/echarts.min.js");
        }
        for (String outsider : List.of("publisher", "finance_officer")) {
            Response r = api.as(outsider).get(path);
            assertThat(r.status()).as(outsider).isEqualTo(403);
            assertThat(r.json().get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(api.as(outsider).get("/api/dashboard/inspections").status()).as(outsider).isEqualTo(403);
            assertThat(api.as(outsider).header("Accept", "text/html").get("/dashboard").status()).as(outsider).isEqualTo(403);
        }
        Response anonymous = api.anonymous().header("Accept", "text/html").get("/dashboard");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.anonymous().get(path).status()).isEqualTo(401);
        assertThat(api.anonymous().get("/dashboard/dashboard.js").status()).isEqualTo(401);
        assertThat(api.as("auditor").header("Accept", "*/*").get("/dashboard/dashboard.js").status()).isEqualTo(200);
        assertThat(api.anonymous().header("Accept", "*/*").get("/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);

        Response unknown = api.as("auditor").get("/api/dashboard/inspections/no-such-inspection");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aReplayRebuildsTheSameFiguresFromTheEvents() {
        DashboardScenario s = scenario();
        String query = "?today=" + s.today;
        JsonNode before = progress(query);
        // spoil the read model: only a rebuild from the events puts it right again
        assertThat(jdbc.sql("delete from progress_item where inspection_id = :i").param("i", s.inspectionId).update())
                .isEqualTo(s.items.size());
        jdbc.sql("delete from progress_money_outcome where inspection_id = :i").param("i", s.inspectionId).update();
        assertThat(progress(query).get("totals").get("items").asInt()).isZero();
        long head = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();

        Response replay = api.as("admin").post("/api/admin/projections/progress-projection/replay", null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);

        // replayed in global order up to the head; Axon reports "replaying" until an event newer than the reset arrives
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode status = api.as("admin").get("/api/admin/projections/progress-projection").json();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
            Response after = api.as("rectifier").get("/api/dashboard/inspections/" + s.inspectionId + query);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json()).isEqualTo(before);
        });
    }
}
