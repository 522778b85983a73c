package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.publication.testing.NoticeTextComparison;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.zhenggai.publication.PublicationScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real case end to end: the seed case entered through the HTTP API of every context (inspection,
 * rectification, finance), its notice composed from that ledger, approved and published as a historical notice;
 * its text must read like the published original, and a real browser (Chromium, headless) must see the headings
 * of the public page. Writes the screenshot {@code docs/screenshots/notice.png}.
 */
class SeedNoticeIT extends IntegrationTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static SeedCase seed;
    static String noticeId;
    static String inspectionId;

    @BeforeAll
    static void readSeed() {
        seed = SeedCase.load();
    }

    /**
     * Loads the case through the seed loader ({@code POST /api/admin/seeds}, the command an operator uses), which
     * replays it through the HTTP API of every context as the user {@code seed}. Idempotent: a second load sends nothing.
     */
    private synchronized String loadAndPublish() {
        if (noticeId != null) {
            return noticeId;
        }
        Response first = api.as("admin").post("/api/admin/seeds", seed.json());
        ok(first, 200);
        inspectionId = seed.json().path("inspection").path("inspectionId").asText();
        noticeId = seed.json().path("caseId").asText() + "-notice";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.anonymous().get("/notices/" + noticeId + ".txt").status() == 200);
        return noticeId;
    }

    @Test
    void loadingTheCaseTwiceChangesNothing() {
        loadAndPublish();
        long events = eventCountWithMetadata("userId", "seed");
        assertThat(events).isGreaterThan(100);
        Response again = api.as("admin").post("/api/admin/seeds", seed.json());
        ok(again, 200);
        assertThat(again.json().path("sent").asInt()).isZero();
        assertThat(again.json().path("skipped").asInt()).isGreaterThan(100);
        assertThat(eventCountWithMetadata("userId", "seed")).isEqualTo(events);
    }

    @Test
    void theSeedLedgerIsOutOfReachOfTheSecondUnitsRectifier() {
        loadAndPublish();
        String ledger = "/api/rectifications/" + inspectionId;
        assertThat(api.as("rectifier").get(ledger).status()).as("the seed unit's rectifier").isEqualTo(200);
        assertThat(api.as("auditor").get(ledger).status()).as("the district's auditor").isEqualTo(200);
        assertThat(api.as("rectifier_b").get(ledger).status()).as("another unit's rectifier").isEqualTo(404);
        String before = "seed-b-" + java.util.UUID.randomUUID();
        Response refused = api.as("rectifier_b").header("X-Request-Id", before).post(ledger + "/meetings",
                java.util.Map.of("kind", "DEPARTMENT_MEETING", "date", "2024-01-10", "title", "部务会"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(404);
        assertThat(eventCountWithMetadata("requestId", before)).isZero();
        assertThat(api.as("rectifier_b").get("/api/rectifications?size=200").text()).doesNotContain(inspectionId);
        assertThat(api.as("rectifier").get("/api/rectifications?size=200").text()).contains(inspectionId);
    }

    @Test
    void theAuditHistoryShowsWhoDidWhatOnWhichDate() {
        loadAndPublish();
        JsonNode feedback = api.as("auditor").get("/api/audit/events?aggregateId=" + inspectionId + "&type=FeedbackDeliveredEvent").json()
                .path("items").get(0);
        assertThat(feedback.path("userId").asText()).isEqualTo("seed");
        assertThat(feedback.path("businessDate").asText()).isEqualTo("2023-09-12");
        JsonNode adopted = api.as("auditor").get("/api/audit/events?type=PlanAdoptedEvent&user=seed").json().path("items");
        assertThat(adopted.findValuesAsText("businessDate")).contains("2023-10-12");
        JsonNode ledger = api.as("auditor").get("/api/rectifications/" + inspectionId).json();
        assertThat(ledger.path("totals").path("items").asInt()).isEqualTo(11);
        assertThat(ledger.path("totals").path("overdue").asInt()).isZero();
        JsonNode regulations = api.as("auditor").get("/api/finance/inspections/" + inspectionId + "/regulations").json();
        assertThat(regulations.path("count").asInt()).isEqualTo(7);
    }

    @Test
    void theSeedCaseIsJudgedOnItsNoticesDateNotTheRealToday() {
        String id = loadAndPublish();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.as("auditor").get("/api/dashboard/inspections/" + inspectionId)
                .json().path("asOfDate").asText().equals("2024-03-25"));
        JsonNode ledger = api.as("auditor").get("/api/rectifications/" + inspectionId).json();
        assertThat(ledger.path("asOf").path("date").asText()).isEqualTo("2024-03-25");
        assertThat(ledger.path("asOf").path("noticeId").asText()).isEqualTo(id);
        assertThat(ledger.path("today").asText()).isEqualTo("2024-03-25");
        assertThat(ledger.path("kind").asText()).isEqualTo("XUNCHA");
        JsonNode progress = api.as("auditor").get("/api/dashboard/inspections/" + inspectionId).json();
        assertThat(progress.path("today").asText()).isEqualTo("2024-03-25");
        assertThat(progress.path("totals").path("overdue").asInt()).isZero();
        assertThat(api.as("auditor").get("/api/dashboard/inspections/" + inspectionId + "?today=2026-01-05").json()
                .path("today").asText()).isEqualTo("2026-01-05");
    }

    @Test
    void theSeedCaseEnteredThroughTheApiReadsLikeThePublishedNotice() {
        String id = loadAndPublish();
        Response txt = api.anonymous().header("Accept", "text/plain").get("/notices/" + id + ".txt");
        ok(txt, 200);
        NoticeTextComparison.Report report = NoticeTextComparison.compare(SeedCase.sourceText(), txt.text());
        assertThat(report.overall()).as(report.describe()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.below(0.95)).as(report.describe()).isEmpty();
        List<String> ours = NoticeTextComparison.paragraphs(txt.text());
        NoticeTextComparison.sourceParagraphs(SeedCase.sourceText()).stream()
                .filter(p -> p.matches("^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d+[.．]).*"))
                .forEach(heading -> assertThat(ours).contains(heading));
        seed.measureTexts().forEach(m -> assertThat(txt.text()).contains(m));
    }

    @Test
    void aHeadlessBrowserSeesTheHeadingsOfThePublicPage() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "/usr/bin/chromium is not installed here (CI installs it): browser check skipped");
        String id = loadAndPublish();
        String url = "http://localhost:" + port + "/notices/" + id;
        String dom = chromium("--dump-dom", url);
        assertThat(dom).contains("lang=\"zh-CN\"");
        List<String> headings = new ArrayList<>();
        Matcher m = Pattern.compile("<h([1-4])[^>]*>(.*?)</h\\1>", Pattern.DOTALL).matcher(dom);
        int previous = 0;
        while (m.find()) {
            int level = Integer.parseInt(m.group(1));
            assertThat(level).as("heading levels never skip: " + m.group()).isLessThanOrEqualTo(previous + 1);
            previous = level;
            headings.add("h" + level + ":" + m.group(2).strip());
        }
        assertThat(headings).startsWith("h1:" + seed.json().path("notice").path("title").asText(),
                "h2:一、区委统战部领导班子履行巡察整改主体责任情况", "h3:（一）提高政治站位");
        assertThat(headings).contains("h2:二、巡察反馈问题整改落实情况", "h4:1.认真贯彻落实“第一议题”制度",
                "h3:（四）关于落实巡察、审计等监督发现问题整改和成果运用情况方面", "h2:三、下一步工作打算", "h2:意见建议");
        assertThat(headings.stream().filter(h -> h.startsWith("h1:")).count()).isEqualTo(1);
        assertThat(dom).contains("<main", "<svg", "公开期限：2024年3月25日至2024年4月25日");

        // a screenshot cannot be compared byte for byte: docs/screenshots is rewritten only on -Dzhenggai.docs.write=true
        Path shot = (io.zhenggai.app.support.GeneratedDocs.writing() ? docs() : Path.of("target"))
                .resolve("screenshots").resolve("notice.png");
        Files.createDirectories(shot.getParent());
        Path tmp = Files.createTempFile("notice", ".png");
        chromium("--screenshot=" + tmp, "--window-size=1000,6400", "--hide-scrollbars", url);
        assertThat(Files.size(tmp)).isGreaterThan(10_000);
        Files.copy(tmp, shot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(tmp);
    }

    private static String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path docs() {
        return io.zhenggai.app.support.DocsFolder.resolve("");
    }
}
