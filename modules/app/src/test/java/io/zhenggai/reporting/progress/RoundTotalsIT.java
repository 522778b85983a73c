package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.zhenggai.reporting.progress.RoundCase.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A round of three inspected units, loaded from one case file through {@code POST /api/admin/seeds}, totals through
 * HTTP on PostgreSQL to figures computed by hand; the round totals are the sum of each unit's dashboard; the
 * dashboard's {@code ?roundId=} filter keeps the round's units only; money totals group by round; process metrics are
 * recorded and refused through the rectification API.
 * <p>
 * Each unit is the synthetic case {@code cases/every-status.json} (7 findings, each served by one item:
 * 已完成+销号, 正在推进, 未启动, 基本完成, 未完成, 已建立长效机制, 长期坚持·正在推进; 1 regulation enacted; a 民主生活会 and
 * a 部务会; 诫勉 2 and 批评教育 3 persons; 71325.00 + 1200.50 yuan), unit c with its not-started item in progress and
 * 5000.00 yuan recovered besides, and process metrics of their own.
 */
class RoundTotalsIT extends IntegrationTest {

    private static final String TODAY = "2024-03-25";
    // loaded once for the class (the tests only read it, except the last, which writes to the other inspection only)
    private static String id;
    private static String roundId;
    private static String otherId;
    private static List<String> units;

    @BeforeEach
    void loadRound() {
        if (id != null) {
            return;
        }
        String id = uniqueId("rt");
        roundId = id + "-round";
        units = List.of(id + "-a", id + "-b", id + "-c");
        ObjectNode file = RoundCase.round(id, units);
        JsonNode inspections = file.path("inspections");
        RoundCase.metrics(inspections.get(0), metric("pm1", "WORK_REMINDERS_SENT", null, 12),
                metric("pm2", "MEETINGS_HELD", "组织生活会", 3));
        RoundCase.metrics(inspections.get(1), metric("pm1", "WORK_REMINDERS_SENT", null, 5),
                metric("pm2", "ON_SITE_SUPERVISION_VISITS", null, 8), metric("pm3", "MEETINGS_HELD", "PARTY_LECTURE", 2));
        RoundCase.metrics(inspections.get(2), metric("pm1", "SUPERVISION_GROUPS_FORMED", null, 0),
                metric("pm2", "TALKS_HELD", null, 40), metric("pm3", "MEETINGS_HELD", "ORGANISATIONAL_LIFE_MEETING", 2));
        ObjectNode c = (ObjectNode) inspections.get(2);
        ((ObjectNode) c.at("/categories/0/items/2")).put("status", "IN_PROGRESS").put("statusDate", "2024-03-01");
        ((ArrayNode) c.path("money")).addObject().put("outcomeId", units.get(2) + "-money3").put("kind", "FUNDS_RECOVERED")
                .put("amount", "5000.00").put("date", "2023-12-20");

        Response loaded = api.as("admin").post("/api/admin/seeds", file);
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);

        // another inspection, in a round of its own
        otherId = uniqueId("rt-other");
        Response other = api.as("admin").post("/api/admin/seeds", RoundCase.everyStatusCase(otherId));
        assertThat(other.status()).as(other.text()).isEqualTo(200);
        RoundTotalsIT.id = id;

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode t = totals();
            assertThat(t.path("inspections").asInt()).isEqualTo(3);
            assertThat(t.path("totals").path("closedOff").asInt()).isEqualTo(3);
            assertThat(t.path("processMetrics")).hasSize(6);
            assertThat(t.path("money").path("total").decimalValue()).isEqualByComparingTo("222576.50");
            assertThat(t.path("regulations").path("count").asInt()).isEqualTo(3);
            assertThat(t.path("findingTotals").path("notCompleted").asInt()).isEqualTo(3);
            JsonNode money = api.as("auditor").get("/api/finance/money-totals?groupBy=ROUND").json();
            assertThat(group(money, otherId + "-round")).isNotNull();
        });
    }

    private JsonNode totals() {
        Response r = api.as("auditor").get("/api/inspection-rounds/" + roundId + "/totals?today=" + TODAY);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode group(JsonNode moneyTotals, String key) {
        for (JsonNode g : moneyTotals.path("groups")) {
            if (g.path("key").asText().equals(key)) {
                return g;
            }
        }
        return null;
    }

    @Test
    void aRoundTotalsToTheFiguresComputedByHand() {
        JsonNode t = totals();
        assertThat(t.path("name").asText()).isEqualTo("区委2023年第二轮巡察");
        assertThat(t.path("inspections").asInt()).isEqualTo(3);
        assertThat(t.path("rectifications").asInt()).isEqualTo(3);

        JsonNode items = t.path("totals");
        assertThat(items.path("items").asInt()).isEqualTo(21);
        assertThat(items.path("completed").asInt()).isEqualTo(6);
        assertThat(items.path("notStarted").asInt()).isEqualTo(2);
        assertThat(items.path("inProgress").asInt()).isEqualTo(7);
        assertThat(items.path("basicallyCompleted").asInt()).isEqualTo(3);
        assertThat(items.path("notCompleted").asInt()).isEqualTo(3);
        assertThat(items.path("longTermMechanism").asInt()).isEqualTo(3);
        assertThat(items.path("closedOff").asInt()).isEqualTo(3);
        assertThat(items.path("completionRate").decimalValue()).isEqualTo(new BigDecimal("28.5714285714")); // 6/21

        JsonNode findings = t.path("findingTotals");
        assertThat(findings.path("findings").asInt()).isEqualTo(21);
        assertThat(findings.path("completed").asInt()).isEqualTo(6);
        assertThat(findings.path("basicallyCompleted").asInt()).isEqualTo(3);
        assertThat(findings.path("inProgress").asInt()).isEqualTo(7);
        assertThat(findings.path("notStarted").asInt()).isEqualTo(2);
        assertThat(findings.path("notCompleted").asInt()).isEqualTo(3);
        assertThat(findings.path("completionRate").decimalValue()).isEqualTo(new BigDecimal("28.5714285714"));

        assertThat(t.path("regulations").path("enacted").asInt()).isEqualTo(3);
        assertThat(t.path("regulations").path("revised").asInt()).isZero();

        assertThat(t.path("meetingCount").asInt()).isEqualTo(6);
        assertThat(counts(t.path("meetings"), "kind")).containsOnly(
                Map.entry("DEMOCRATIC_LIFE_MEETING", 3), Map.entry("DEPARTMENT_MEETING", 3));

        assertThat(counts(t.path("accountability").path("byKind"), "kind"))
                .as("only the kinds recorded, summed by the ledger's rule").containsOnly(Map.entry("ADMONITION", 6), Map.entry("CRITICISM_EDUCATION", 9));
        assertThat(t.path("accountability").path("total").asInt()).isEqualTo(15);
        assertThat(t.path("accountability").path("records").asInt()).isEqualTo(6);

        Map<String, String> money = new LinkedHashMap<>();
        t.path("money").path("byKind").forEach(k -> money.put(k.path("kind").asText(), k.path("amountWanYuanText").asText()));
        assertThat(money).containsEntry("IRREGULAR_FUNDS_REFUNDED", "21.3975万元").containsEntry("PERSONAL_COSTS_RECOVERED", "0.36015万元")
                .containsEntry("FUNDS_RECOVERED", "0.5万元").containsEntry("LOSSES_RETRIEVED", "0万元");
        assertThat(t.path("money").path("totalWanYuanText").asText()).isEqualTo("22.25765万元");

        List<String> metrics = new ArrayList<>();
        t.path("processMetrics").forEach(m -> metrics.add(m.path("label").asText() + " " + m.path("count").asInt() + "/"
                + m.path("records").asInt()));
        assertThat(metrics).containsExactly("工作提醒 17/2", "督导组 0/1", "现场督导 8/1", "组织生活会 5/2", "专题党课 2/1", "谈心谈话 40/1");

        assertThat(t.path("units").findValuesAsText("inspectionId")).containsExactlyElementsOf(units);
        JsonNode c = t.path("units").get(2);
        assertThat(c.path("totals").path("notStarted").asInt()).isZero();
        assertThat(c.path("totals").path("inProgress").asInt()).isEqualTo(3);
        assertThat(c.path("moneyTotalWanYuanText").asText()).isEqualTo("7.75255万元");
    }

    @Test
    void theRoundTotalsAreTheSumOfEachUnitsDashboard() {
        JsonNode t = totals();
        Map<String, Integer> items = new LinkedHashMap<>();
        Map<String, Integer> findings = new LinkedHashMap<>();
        Map<String, Integer> metrics = new LinkedHashMap<>();
        int regulations = 0, meetings = 0, accountability = 0;
        BigDecimal money = BigDecimal.ZERO;
        for (int i = 0; i < units.size(); i++) {
            JsonNode d = api.as("rectifier").get("/api/dashboard/inspections/" + units.get(i) + "?today=" + TODAY).json();
            sum(items, d.path("totals"));
            sum(findings, d.path("findingTotals"));
            d.path("processMetrics").forEach(m -> metrics.merge(m.path("label").asText(), m.path("count").asInt(), Integer::sum));
            regulations += d.path("regulations").path("count").asInt();
            meetings += d.path("meetings").path("count").asInt();
            accountability += d.path("accountability").path("total").asInt();
            money = money.add(d.path("money").path("total").decimalValue());
            // and each row of the round view states its unit's dashboard
            JsonNode row = t.path("units").get(i);
            assertThat(row.path("totals")).isEqualTo(d.path("totals"));
            assertThat(row.path("findingTotals")).isEqualTo(d.path("findingTotals"));
            assertThat(row.path("processMetrics")).isEqualTo(d.path("processMetrics"));
        }
        Map<String, Integer> roundItems = new LinkedHashMap<>();
        sum(roundItems, t.path("totals"));
        Map<String, Integer> roundFindings = new LinkedHashMap<>();
        sum(roundFindings, t.path("findingTotals"));
        assertThat(roundItems).isEqualTo(items);
        assertThat(roundFindings).isEqualTo(findings);
        assertThat(counts(t.path("processMetrics"), "label")).isEqualTo(metrics);
        assertThat(t.path("regulations").path("count").asInt()).isEqualTo(regulations);
        assertThat(t.path("meetingCount").asInt()).isEqualTo(meetings);
        assertThat(t.path("accountability").path("total").asInt()).isEqualTo(accountability);
        assertThat(t.path("money").path("total").decimalValue()).isEqualByComparingTo(money);
        assertThat(api.as("rectifier").get("/api/dashboard/rounds/" + roundId + "?today=" + TODAY).json()).isEqualTo(t);
    }

    @Test
    void theDashboardFilterKeepsTheRoundsUnitsOnly() {
        JsonNode filtered = api.as("rectifier").get("/api/dashboard/inspections?size=200&today=" + TODAY + "&roundId=" + roundId).json();
        assertThat(filtered.path("items").findValuesAsText("inspectionId")).containsExactlyInAnyOrderElementsOf(units);
        assertThat(filtered.path("inspections").asInt()).isEqualTo(3);
        assertThat(filtered.path("total").asInt()).isEqualTo(3);
        assertThat(filtered.path("totals")).isEqualTo(totals().path("totals"));

        JsonNode all = api.as("rectifier").get("/api/dashboard/inspections?size=200&today=" + TODAY).json();
        assertThat(all.path("inspections").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(all.path("items").findValuesAsText("inspectionId")).contains(otherId);

        JsonNode rounds = api.as("rectifier").get("/api/dashboard/rounds").json().path("rounds");
        assertThat(rounds.findValuesAsText("roundId")).contains(roundId, otherId + "-round");
        assertThat(api.as("auditor").get("/api/inspection-rounds/no-such-round/totals").status()).isEqualTo(404);
        assertThat(api.as("publisher").get("/api/inspection-rounds/" + roundId + "/totals").status()).isEqualTo(403);
    }

    @Test
    void moneyIsTotalledByRound() {
        JsonNode money = api.as("auditor").get("/api/finance/money-totals?groupBy=ROUND").json();
        assertThat(money.path("groupBy").asText()).isEqualTo("ROUND");
        JsonNode round = group(money, roundId);
        assertThat(round).isNotNull();
        assertThat(round.path("total").decimalValue()).isEqualByComparingTo("222576.50");
        assertThat(round.path("totalWanYuanText").asText()).isEqualTo("22.25765万元");
        assertThat(group(money, otherId + "-round").path("total").decimalValue()).isEqualByComparingTo("72525.50");
        assertThat(round.path("total").decimalValue()).isEqualByComparingTo(totals().path("money").path("total").decimalValue());
    }

    @Test
    void aProcessMetricIsRecordedThroughTheApiAndABadOneChangesNothing() {
        String path = "/api/rectifications/" + otherId + "/process-metrics";
        Response bad = api.as("rectifier").post(path, Map.of("kind", "TALKS", "count", 2, "date", "2024-01-10"));
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(fields(bad)).contains("kind");

        Response negative = api.as("rectifier").post(path, Map.of("kind", "TALKS_HELD", "count", -2, "date", "2024-01-10"));
        assertThat(negative.status()).as(negative.text()).isEqualTo(400);
        assertThat(fields(negative)).containsExactly("count");

        long before = eventCount();
        Response noKind = api.as("rectifier").post(path, Map.of("kind", "MEETINGS_HELD", "count", 2, "date", "2024-01-10"));
        assertThat(noKind.status()).as(noKind.text()).isEqualTo(422);
        assertThat(noKind.json().path("code").asText()).isEqualTo("MEETING_KIND_REQUIRED");
        Response early = api.as("rectifier").post(path, Map.of("kind", "TALKS_HELD", "count", 2, "date", "2023-09-01"));
        assertThat(early.status()).as(early.text()).isEqualTo(422);
        assertThat(early.json().path("code").asText()).isEqualTo("DATE_BEFORE_FEEDBACK");
        assertThat(api.as("auditor").post(path, Map.of("kind", "TALKS_HELD", "count", 2, "date", "2024-01-10")).status())
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);

        Response ok = api.as("rectifier").post(path, Map.of("metricId", "pm9", "kind", "MEETINGS_HELD",
                "meetingKind", "PARTY_LECTURE", "count", 4, "date", "2024-02-01", "description", "讲授专题党课"));
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        Response again = api.as("rectifier").post(path, Map.of("metricId", "pm9", "kind", "TALKS_HELD", "count", 1,
                "date", "2024-02-01"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("METRIC_EXISTS");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = api.as("auditor").get(path).json();
            assertThat(counts(view.path("byKind"), "label")).containsExactly(Map.entry("专题党课", 4));
            assertThat(view.path("records").get(0).path("description").asText()).isEqualTo("讲授专题党课");
            JsonNode dashboard = api.as("rectifier").get("/api/dashboard/inspections/" + otherId).json();
            assertThat(counts(dashboard.path("processMetrics"), "label")).containsExactly(Map.entry("专题党课", 4));
            JsonNode otherRound = api.as("auditor").get("/api/inspection-rounds/" + otherId + "-round/totals").json();
            assertThat(counts(otherRound.path("processMetrics"), "label")).containsExactly(Map.entry("专题党课", 4));
        });
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static Map<String, Integer> counts(JsonNode list, String key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        list.forEach(k -> counts.put(k.path(key).asText(), k.path("count").asInt()));
        return counts;
    }

    private static void sum(Map<String, Integer> into, JsonNode counts) {
        counts.fields().forEachRemaining(f -> {
            if (f.getValue().isInt()) {
                into.merge(f.getKey(), f.getValue().asInt(), Integer::sum);
            }
        });
    }
}
