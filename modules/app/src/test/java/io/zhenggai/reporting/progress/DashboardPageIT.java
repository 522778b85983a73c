package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page in headless Chromium (Debian's package), driven over the DevTools protocol: the page loads, every
 * ECharts container holds a drawn {@code <canvas>}, the figures on the page are those of the query API, and the
 * browser reports no console error, uncaught exception or failed request.
 * <p>
 * Credentials: the test hands the browser the HTTP Basic header with {@code Network.setExtraHTTPHeaders}, as a
 * browser does after its login prompt; the page's own requests go to the same origin. The screenshot is written to
 * {@code modules/app/target/screenshots/dashboard.png}, and to {@code docs/screenshots/dashboard.png} when the test
 * runs with {@code -Dzhenggai.docs.write=true}.
 */
class DashboardPageIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePageDrawsItsChartsFromTheQueryApiWithoutErrors() throws Exception {
        DashboardScenario s = new DashboardScenario(api, uniqueId("page")).run();
        JsonNode progress = api.as("rectifier").get("/api/dashboard/inspections/" + s.inspectionId).json();

        try (HeadlessChromium browser = new HeadlessChromium(1400, 1000)) {
            browser.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("unit_leader:demo".getBytes(StandardCharsets.UTF_8)));
            browser.navigate("http://localhost:" + port + "/dashboard?inspection=" + s.inspectionId);
            String state = browser.waitFor("document.body ? document.body.getAttribute('data-state') : null",
                    Duration.ofSeconds(30), "ready", "error");
            assertThat(state).as("page state; banner: %s", browser.evaluate("document.getElementById('banner').textContent"))
                    .isEqualTo("ready");

            JsonNode page = JSON.readTree(browser.evaluate("""
                    JSON.stringify({
                      lang: document.documentElement.lang,
                      title: document.title,
                      heading: document.getElementById('inspection-title').textContent,
                      charts: Array.from(document.querySelectorAll('[data-chart]')).map(e => ({
                        id: e.id, canvases: e.querySelectorAll('canvas').length,
                        width: (e.querySelector('canvas') || {}).width || 0, height: (e.querySelector('canvas') || {}).height || 0,
                        instance: !!echarts.getInstanceByDom(e)})),
                      kpis: Object.fromEntries(Array.from(document.querySelectorAll('.kpi')).map(k =>
                        [k.querySelector('.label').textContent, k.querySelector('.value').firstChild.textContent])),
                      overdueRows: document.querySelectorAll('#overdue-table tbody tr').length,
                      overdueFirst: (document.querySelector('#overdue-table tbody tr td:nth-child(2)') || {}).textContent,
                      nextDueRows: document.querySelectorAll('#next-due-table tbody tr').length,
                      selected: document.getElementById('inspection-select').value,
                      regulations: document.getElementById('regulations-label').textContent,
                      meetingRows: document.querySelectorAll('#meeting-table tbody tr').length,
                      banner: document.getElementById('banner').hidden
                    })""").asText());

            assertThat(page.get("lang").asText()).isEqualTo("zh-CN");
            assertThat(page.get("title").asText()).contains("整改进度看板");
            assertThat(page.get("heading").asText()).contains(s.unit).contains("整改进度");
            assertThat(page.get("selected").asText()).isEqualTo(s.inspectionId);
            assertThat(page.get("banner").asBoolean()).isTrue();
            assertThat(page.get("charts")).hasSize(5);
            for (JsonNode chart : page.get("charts")) {
                assertThat(chart.get("instance").asBoolean()).as(chart.toString()).isTrue();
                assertThat(chart.get("canvases").asInt()).as(chart.toString()).isPositive();
                assertThat(chart.get("width").asInt()).as(chart.toString()).isGreaterThan(100);
                assertThat(chart.get("height").asInt()).as(chart.toString()).isGreaterThan(100);
            }
            JsonNode t = progress.get("totals");
            JsonNode kpis = page.get("kpis");
            assertThat(kpis.get("整改事项").asText()).isEqualTo(t.get("items").asText());
            assertThat(kpis.get("已完成").asText()).isEqualTo(t.get("completed").asText());
            assertThat(kpis.get("正在推进").asText()).isEqualTo(t.get("inProgress").asText());
            assertThat(kpis.get("基本完成").asText()).isEqualTo(t.get("basicallyCompleted").asText());
            assertThat(kpis.get("未完成").asText()).isEqualTo(t.get("notCompleted").asText());
            assertThat(kpis.get("未启动").asText()).isEqualTo(t.get("notStarted").asText());
            assertThat(kpis.get("逾期").asText()).isEqualTo(t.get("overdue").asText());
            assertThat(kpis.get("临期预警").asText()).isEqualTo(t.get("dueSoon").asText());
            assertThat(new java.math.BigDecimal(kpis.get("完成率").asText())).as("shown with at most two decimals")
                    .isEqualByComparingTo(t.get("completionRate").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP));
            assertThat(kpis.get("健全完善制度").asText()).isEqualTo(progress.get("regulations").get("count").asText());
            assertThat(new java.math.BigDecimal(kpis.get("追缴挽回资金").asText()))
                    .isEqualByComparingTo(progress.get("money").get("totalWanYuan").decimalValue());
            assertThat(progress.get("money").get("totalWanYuanText").asText())
                    .isEqualTo(progress.get("money").get("totalWanYuan").decimalValue().stripTrailingZeros().toPlainString() + "万元");
            assertThat(kpis.get("问责").asText()).isEqualTo(progress.get("accountability").get("total").asText());
            assertThat(kpis.get("召开会议").asText()).isEqualTo(progress.get("meetings").get("count").asText());
            assertThat(page.get("overdueRows").asInt()).isEqualTo(progress.get("overdue").size()).isPositive();
            assertThat(page.get("overdueFirst").asText()).isEqualTo(progress.get("overdue").get(0).get("title").asText());
            assertThat(page.get("nextDueRows").asInt()).isEqualTo(progress.get("nextDue").size());
            assertThat(page.get("meetingRows").asInt()).isEqualTo(progress.get("meetings").get("count").asInt());
            assertThat(page.get("regulations").asText()).isEqualTo(progress.get("regulations").get("label").asText());

            byte[] png = browser.screenshot();
            assertThat(png).startsWith(new byte[]{(byte) 0x89, 'P', 'N', 'G'});
            Path target = Path.of("target", "screenshots", "dashboard.png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            if (io.zhenggai.app.support.GeneratedDocs.writing()) {
                Path docs = docsScreenshots().resolve("dashboard.png");
                Files.write(docs, png);
            }

            assertThat(browser.errors).as("console errors and uncaught exceptions").isEmpty();
            assertThat(browser.failedRequests).as("failed requests").isEmpty();
        }
    }

    private static Path docsScreenshots() {
        return io.zhenggai.app.support.DocsFolder.resolve("screenshots");
    }
}
