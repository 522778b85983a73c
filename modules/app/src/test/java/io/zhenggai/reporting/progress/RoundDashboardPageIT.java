package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.zhenggai.reporting.progress.RoundCase.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The round section (轮次汇总) of the dashboard page in headless Chromium ({@link HeadlessChromium}): opened with
 * {@code ?round=}, it shows the round's totals and a row per unit as the round API states them, the overview lists
 * only the round's units, and the browser reports no error or failed request.
 */
class RoundDashboardPageIT extends IntegrationTest {

    @Test
    void theRoundSectionShowsTheRoundsTotalsAndARowPerUnit() throws Exception {
        String id = uniqueId("rpage");
        String roundId = id + "-round";
        List<String> units = List.of(id + "-a", id + "-b");
        ObjectNode file = RoundCase.round(id, units);
        RoundCase.metrics(file.path("inspections").get(0), metric("pm1", "WORK_REMINDERS_SENT", null, 12));
        RoundCase.metrics(file.path("inspections").get(1), metric("pm1", "MEETINGS_HELD", "专题党课", 2));
        Response loaded = api.as("admin").post("/api/admin/seeds", file);
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode t = api.as("unit_leader").get("/api/inspection-rounds/" + roundId + "/totals").json();
            assertThat(t.path("inspections").asInt()).isEqualTo(2);
            assertThat(t.path("processMetrics")).hasSize(2);
            assertThat(t.path("regulations").path("count").asInt()).isEqualTo(2);
            assertThat(t.path("money").path("total").decimalValue()).isEqualByComparingTo("145051.00");
            assertThat(t.path("totals").path("closedOff").asInt()).isEqualTo(2);
        });
        JsonNode totals = api.as("unit_leader").get("/api/inspection-rounds/" + roundId + "/totals").json();

        try (HeadlessChromium browser = new HeadlessChromium(1400, 1000)) {
            browser.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("unit_leader:demo".getBytes(StandardCharsets.UTF_8)));
            browser.navigate("http://localhost:" + port + "/dashboard?round=" + roundId + "&inspection=" + units.get(0));
            String state = browser.waitFor("""
                    !document.body || !document.getElementById('round-view') ? 'waiting'
                      : document.body.getAttribute('data-state') === 'error' ? 'error'
                      : (!document.getElementById('round-view').hidden
                         && document.querySelectorAll('#round-table tbody tr').length === 2
                         && document.querySelectorAll('#overview-table tbody tr').length === 2
                         && document.body.getAttribute('data-state') === 'ready') ? 'round' : 'waiting'""",
                    Duration.ofSeconds(30), "round", "error");
            assertThat(state).as("banner: %s", browser.evaluate("document.getElementById('banner').textContent")).isEqualTo("round");

            JsonNode page = RoundCase.JSON.readTree(browser.evaluate("""
                    JSON.stringify({
                      selected: document.getElementById('round-select').value,
                      kpis: Object.fromEntries(Array.from(document.querySelectorAll('#round-kpis span')).map(s =>
                        [s.firstChild.textContent.replace('：', ''), s.querySelector('b').textContent])),
                      rows: Array.from(document.querySelectorAll('#round-table tbody tr')).map(r =>
                        Array.from(r.querySelectorAll('td')).map(c => c.textContent)),
                      overview: Array.from(document.querySelectorAll('#overview-table tbody tr')).map(r => r.getAttribute('data-inspection')),
                      metrics: document.querySelectorAll('#process-metric-table tbody tr td').length
                    })""").asText());

            assertThat(page.path("selected").asText()).isEqualTo(roundId);
            JsonNode kpis = page.path("kpis");
            assertThat(kpis.path("单位").asText()).isEqualTo("2");
            assertThat(kpis.path("反馈问题").asText()).isEqualTo(totals.path("findingTotals").path("findings").asText()).isEqualTo("14");
            assertThat(kpis.path("已完成").asText()).isEqualTo("4");
            assertThat(kpis.path("基本完成").asText()).isEqualTo("2");
            assertThat(kpis.path("正在整改").asText()).isEqualTo("4");
            assertThat(kpis.path("未完成").asText()).isEqualTo("2");
            assertThat(kpis.path("整改事项").asText()).isEqualTo("14");
            assertThat(kpis.path("问题完成率").asText()).isEqualTo("28.57%"); // 4/14, shown with two decimals
            assertThat(kpis.path("健全完善制度").asText()).isEqualTo("2（制定2、修订0）");
            assertThat(kpis.path("资金").asText()).isEqualTo(totals.path("money").path("totalWanYuanText").asText()).isEqualTo("14.5051万元");
            assertThat(kpis.path("过程性指标").asText()).isEqualTo("工作提醒12，专题党课2");
            assertThat(page.path("rows")).hasSize(2);
            JsonNode first = page.path("rows").get(0);
            assertThat(first.get(0).asText()).isEqualTo(totals.path("units").get(0).path("inspectedUnit").asText());
            assertThat(first.get(1).asText()).isEqualTo("7");
            assertThat(first.get(9).asText()).isEqualTo("7.25255");
            assertThat(first.get(10).asText()).isEqualTo("工作提醒12");
            assertThat(List.of(page.path("overview").get(0).asText(), page.path("overview").get(1).asText()))
                    .containsExactlyInAnyOrderElementsOf(units);
            assertThat(page.path("metrics").asInt()).isEqualTo(3); // unit a: one metric, three cells

            assertThat(browser.errors).as("console errors and uncaught exceptions").isEmpty();
            assertThat(browser.failedRequests).as("failed requests").isEmpty();
        }
    }
}
