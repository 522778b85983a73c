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

    private synchronized String loadAndPublish() {
        if (noticeId != null) {
            return noticeId;
        }
        JsonNode s = seed.json();
        JsonNode insp = s.path("inspection");
        String id = uniqueId(insp.path("inspectionId").asText());
        ApiClient inspector = api.as("inspector");
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("inspectionId", id);
        for (String f : List.of("inspectingBody", "inspectedUnit", "mandate", "legalBasis", "plannedFieldworkStart", "plannedFieldworkEnd")) {
            schedule.put(f, JSON.convertValue(insp.path(f), Object.class));
        }
        ok(inspector.post("/api/inspections", schedule), 201);
        ok(inspector.post("/api/inspections/" + id + "/fieldwork/start", Map.of("date", insp.path("fieldworkStart").asText())), 200);
        for (JsonNode c : s.path("categories")) {
            ok(inspector.post("/api/inspections/" + id + "/categories", Map.of("categoryId", c.path("categoryId").asText(),
                    "title", c.path("title").asText())), 201);
            for (JsonNode f : c.path("findings")) {
                ok(inspector.post("/api/inspections/" + id + "/findings", Map.of("findingId", f.path("findingId").asText(),
                        "categoryId", c.path("categoryId").asText(), "title", f.path("title").asText())), 201);
            }
        }
        ok(inspector.post("/api/inspections/" + id + "/fieldwork/conclude", Map.of("date", insp.path("fieldworkEnd").asText())), 200);
        ok(inspector.post("/api/inspections/" + id + "/feedback", Map.of("date", insp.path("feedbackDate").asText())), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/rectifications/" + id).status() == 200);

        ApiClient leader = api.as("unit_leader");
        ApiClient rectifier = api.as("rectifier");
        JsonNode group = s.path("leadershipGroup");
        ok(leader.put("/api/rectifications/" + id + "/office", Map.of("name", group.path("office").asText())), 200);
        String deputy = null;
        for (JsonNode m : group.path("members")) {
            ok(leader.post("/api/rectifications/" + id + "/group/members", Map.of("memberId", m.path("memberId").asText(),
                    "name", m.path("name").asText(), "position", m.path("position").asText(), "role", m.path("role").asText(),
                    "date", group.path("appointedOn").asText())), 201);
            if (m.path("role").asText().equals("DEPUTY")) {
                deputy = m.path("memberId").asText();
            }
        }
        for (JsonNode c : s.path("categories")) {
            for (JsonNode i : c.path("items")) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("itemId", i.path("itemId").asText());
                item.put("findingIds", JSON.convertValue(i.path("findingIds"), List.class));
                item.put("title", SeedCase.titleFor(i));
                item.put("kind", i.path("kind").asText());
                if (!i.path("dueDate").isNull()) {
                    item.put("dueDate", i.path("dueDate").asText());
                }
                item.put("responsibleLeaderId", deputy);
                item.put("responsibleDepartment", i.path("responsibleDepartment").asText());
                List<String> measures = new ArrayList<>();
                i.path("measures").forEach(m -> measures.add(m.path("text").asText()));
                item.put("measures", measures);
                ok(rectifier.post("/api/rectifications/" + id + "/items", item), 201);
            }
        }
        ok(leader.post("/api/rectifications/" + id + "/plan/adoption", Map.of("title", s.path("plan").path("title").asText(),
                "date", s.path("plan").path("adoptedOn").asText())), 200);
        for (JsonNode c : s.path("categories")) {
            for (JsonNode i : c.path("items")) {
                ok(rectifier.post("/api/rectifications/" + id + "/items/" + i.path("itemId").asText() + "/progress", Map.of(
                        "date", i.path("completedOn").asText(), "status", i.path("status").asText(), "text", "按通报录入")), 201);
            }
        }
        for (JsonNode m : s.path("meetings")) {
            ok(rectifier.post("/api/rectifications/" + id + "/meetings", Map.of("meetingId", m.path("meetingId").asText(),
                    "kind", SeedCase.meetingKind(m.path("kind").asText()).name(), "date", m.path("date").asText(),
                    "title", m.path("title").asText())), 201);
        }
        ApiClient finance = api.as("finance_officer");
        String unit = s.path("notice").path("publishingUnit").asText() + "（" + id + "）";
        for (JsonNode r : s.path("regulations")) {
            String regId = id + "-" + r.path("regulationId").asText();
            List<Map<String, String>> answers = List.of(Map.of("inspectionId", id, "rectificationItemId",
                    r.path("answersItems").get(0).asText()));
            boolean revise = r.path("action").asText().equals("REVISE");
            Map<String, Object> enact = new LinkedHashMap<>(Map.of("regulationId", regId, "unit", unit, "title", r.path("title").asText(),
                    "area", r.path("area").asText(), "effectiveFrom", revise ? "2020-01-01" : r.path("effectiveFrom").asText(),
                    "backdatingReason", "历史案例补录"));
            if (!revise) {
                enact.put("answers", answers);
            }
            ok(finance.post("/api/finance/regulations", enact), 201);
            if (revise) {
                await().atMost(Duration.ofSeconds(20)).until(() -> api.as("auditor").get("/api/finance/regulations/" + regId).status() == 200);
                ok(finance.post("/api/finance/regulations/" + regId + "/revisions", Map.of("effectiveFrom", r.path("effectiveFrom").asText(),
                        "changeSummary", "巡察整改修订", "backdatingReason", "历史案例补录", "answers", answers)), 201);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api.as("auditor").get("/api/notices/facts?inspectionId=" + id).json()
                .path("facts").path("regulations").path("count").asInt() == 7);

        JsonNode n = s.path("notice");
        Map<String, Object> narrative = new LinkedHashMap<>();
        narrative.put("title", n.path("title").asText());
        narrative.put("responsibilitySections", JSON.convertValue(n.path("responsibilitySections"), List.class));
        narrative.put("nextSteps", JSON.convertValue(n.path("nextSteps"), List.class));
        narrative.put("invitation", n.path("invitation").asText());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("publishingUnit", n.path("publishingUnit").asText());
        settings.put("dateWritten", n.path("dateWritten").asText());
        settings.put("disclosure", n.path("disclosure").asText());
        settings.put("contacts", JSON.convertValue(n.path("contacts"), Map.class));
        settings.put("untitledItemIds", seed.untitledItemIds());
        String notice = uniqueId("notice-tzb");
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", notice, "inspectionId", id, "narrative", narrative,
                "settings", settings)), 201);
        PublicationScenario.approveAndPublish(api, notice, n.path("window").path("start").asText(), n.path("window").path("end").asText(), true);
        inspectionId = id;
        noticeId = notice;
        return notice;
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

        Path shot = docs().resolve("screenshots").resolve("notice.png");
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
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("target") : dir.resolve("docs");
    }
}
