package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.zhenggai.publication.PublicationScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The synthetic round of 40 units ({@code seeds/synthetic-round40-2024.json}) loaded through the seed loader: its
 * round totals equal the figures counted here from the case file itself (not through the product's arithmetic), its
 * round notice ({@code POST /api/notices} with {@code roundId}) states them in the paragraph written out by hand below,
 * a hand-typed number that contradicts them blocks approval, and the notice is approved, published and served as text.
 */
class RoundNoticeIT extends IntegrationTest {

    static final String FILE = "seeds/synthetic-round40-2024.json";
    static final String ROUND = "syn-r40-round";
    static final String TODAY = "2024-12-10";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The figures paragraph of the round notice, written by hand from the case file (rates with two decimals). */
    static final String FIGURES = "截至目前，本轮共巡察40个单位，40个单位已启动整改。"
            + "共反馈问题260个，已完成整改218个，基本完成29个，未完成13个，完成率83.85%。"
            + "制定整改事项260项、整改措施260条，已完成218项，基本完成29项，未完成13项，整改事项完成率83.85%。"
            + "健全完善制度80项（制定64项、修订16项）。"
            + "召开专题民主生活会40次、党组（党委）会议20次。"
            + "问责方面，组织处理1人次、诫勉6人次、批评教育10人次。"
            + "追缴资金5.040373万元、清退违规资金2.0784万元、追回应由个人承担的资金0.252125万元。"
            + "发出工作提醒120次、开展现场督导12次、召开组织生活会10次。";

    static final String OPENING = "根据中共某某区委统一部署，2024年3月1日至6月30日，开展区委2024年第一轮巡察，对40个单位进行了巡察。"
            + "现将本轮巡察整改进展情况予以公布。";

    static final String FIRST_UNIT = "（一）区发展和改革局\n\n2024年6月20日，区委第一巡察组反馈巡察意见。"
            + "反馈问题6个，已完成整改5个，基本完成1个，完成率83.33%；健全完善制度2项。";

    private static JsonNode file;
    private static boolean loaded;

    @BeforeEach
    void load() throws IOException {
        if (loaded) {
            return;
        }
        file = JSON.readTree(Files.readString(SeedCase.file(FILE)));
        Response r = api.as("admin").post("/api/admin/seeds", file);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode t = totals();
            assertThat(t.path("rectifications").asInt()).isEqualTo(40);
            assertThat(t.path("totals").path("completed").asInt()).isEqualTo(count("COMPLETED"));
            assertThat(t.path("regulations").path("count").asInt()).isEqualTo(file.path("inspections").findValues("regulationId").size());
            assertThat(t.path("processMetrics").findValues("count").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(
                    file.path("inspections").findValues("processMetrics").stream().flatMap(l -> stream(l))
                            .mapToInt(m -> m.path("count").asInt()).sum());
            assertThat(t.path("money").path("byKind").findValues("count").stream().mapToInt(JsonNode::asInt).sum())
                    .isEqualTo(file.path("inspections").findValues("money").stream().mapToInt(JsonNode::size).sum());
        });
        loaded = true;
    }

    private JsonNode totals() {
        Response r = api.as("auditor").get("/api/inspection-rounds/" + ROUND + "/totals?today=" + TODAY);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    // ---------------------------------------------------------------- figures counted from the case file itself

    private static List<JsonNode> items() {
        return file.path("inspections").findValues("items").stream().flatMap(RoundNoticeIT::stream).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static int count(String status) {
        return (int) items().stream().filter(i -> i.path("status").asText().equals(status)).count();
    }

    /** Sums of {@code field} (or 1 per record) per {@code key} over the records named {@code list} of every unit. */
    private static Map<String, Integer> sumBy(String list, String key, String field) {
        Map<String, Integer> sums = new TreeMap<>();
        for (JsonNode unit : file.path("inspections")) {
            for (JsonNode r : unit.path(list)) {
                sums.merge(r.path(key).asText(), field == null ? 1 : r.path(field).asInt(), Integer::sum);
            }
        }
        return sums;
    }

    private static Map<String, Integer> counts(JsonNode list, String key) {
        Map<String, Integer> counts = new TreeMap<>();
        list.forEach(k -> counts.put(k.path(key).asText(), k.path("count").asInt()));
        return counts;
    }

    @Test
    void theRoundTotalsAreTheFiguresCountedFromTheCaseFile() {
        JsonNode t = totals();
        int all = items().size();
        int completed = count("COMPLETED");
        int basically = count("BASICALLY_COMPLETED");
        int notCompleted = count("NOT_COMPLETED");
        assertThat(completed + basically + notCompleted).isEqualTo(all); // only the three end statuses in this case
        assertThat(basically).isPositive();
        assertThat(notCompleted).isPositive();
        // every finding is served by one item: the finding has its item's status
        assertThat(file.path("inspections").findValues("findings").stream().mapToInt(JsonNode::size).sum()).isEqualTo(all);
        BigDecimal rate = BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(all), 10, RoundingMode.HALF_UP);

        assertThat(t.path("name").asText()).isEqualTo("区委2024年第一轮巡察");
        assertThat(t.path("inspections").asInt()).isEqualTo(file.path("inspections").size()).isEqualTo(40);
        assertThat(t.path("units")).hasSize(40);
        JsonNode f = t.path("findingTotals");
        assertThat(f.path("findings").asInt()).isEqualTo(all);
        assertThat(f.path("completed").asInt()).isEqualTo(completed);
        assertThat(f.path("basicallyCompleted").asInt()).isEqualTo(basically);
        assertThat(f.path("notCompleted").asInt()).isEqualTo(notCompleted);
        assertThat(f.path("inProgress").asInt()).isZero();
        assertThat(f.path("notStarted").asInt()).isZero();
        assertThat(f.path("completionRate").decimalValue()).isEqualByComparingTo(rate);
        JsonNode i = t.path("totals");
        assertThat(i.path("items").asInt()).isEqualTo(all);
        assertThat(i.path("completed").asInt()).isEqualTo(completed);
        assertThat(i.path("basicallyCompleted").asInt()).isEqualTo(basically);
        assertThat(i.path("notCompleted").asInt()).isEqualTo(notCompleted);
        assertThat(i.path("completionRate").decimalValue()).isEqualByComparingTo(rate);

        Map<String, Integer> regs = sumBy("regulations", "action", null);
        assertThat(t.path("regulations").path("enacted").asInt()).isEqualTo(regs.get("ENACT"));
        assertThat(t.path("regulations").path("revised").asInt()).isEqualTo(regs.get("REVISE"));
        assertThat(counts(t.path("meetings"), "kind")).isEqualTo(sumBy("meetings", "kind", null));
        Map<String, Integer> accountability = new TreeMap<>(sumBy("accountability", "kind", "count"));
        counts(t.path("accountability").path("byKind"), "kind").forEach((k, v) -> {
            if (v > 0) {
                assertThat(accountability).containsEntry(k, v);
            }
        });
        assertThat(t.path("accountability").path("total").asInt())
                .isEqualTo(accountability.values().stream().mapToInt(Integer::intValue).sum());

        Map<String, BigDecimal> money = new TreeMap<>();
        for (JsonNode unit : file.path("inspections")) {
            unit.path("money").forEach(m -> money.merge(m.path("kind").asText(), new BigDecimal(m.path("amount").asText()), BigDecimal::add));
        }
        assertThat(money).hasSize(3);
        Map<String, BigDecimal> stated = new TreeMap<>();
        t.path("money").path("byKind").forEach(k -> {
            if (k.path("count").asInt() > 0) {
                stated.put(k.path("kind").asText(), k.path("amount").decimalValue());
            }
        });
        assertThat(stated.keySet()).isEqualTo(money.keySet());
        money.forEach((k, v) -> assertThat(stated.get(k)).as(k).isEqualByComparingTo(v));

        Map<String, Integer> metrics = new TreeMap<>();
        for (JsonNode unit : file.path("inspections")) {
            unit.path("processMetrics").forEach(m -> metrics.merge(m.path("kind").asText() + "/" + m.path("meetingKind").asText(""),
                    m.path("count").asInt(), Integer::sum));
        }
        Map<String, Integer> totalled = new TreeMap<>();
        t.path("processMetrics").forEach(m -> totalled.put(m.path("kind").asText() + "/" + m.path("meetingKind").asText(""),
                m.path("count").asInt()));
        assertThat(totalled).isEqualTo(metrics);
    }

    @Test
    void theRoundNoticeStatesTheRoundsFiguresIsCheckedApprovedPublishedAndServed() {
        String id = uniqueId("round-notice");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("publishingUnit", "中共某某区委巡察工作领导小组办公室");
        settings.put("dateWritten", TODAY);
        settings.put("rateStyle", "TWO_DECIMALS");
        Map<String, Object> narrative = new LinkedHashMap<>();
        narrative.put("title", "{{roundName}}整改进展情况的通报");
        narrative.put("nextSteps", List.of(Map.of("title", "持续抓好未完成问题整改", "text", "对未完成的问题逐项跟踪督办。")));
        narrative.put("invitation", "欢迎广大干部群众对巡察整改落实情况进行监督。");
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", id, "roundId", ROUND, "narrative", narrative,
                "settings", settings)), 201);

        JsonNode draft = api.as("publisher").get("/api/notices/" + id).json();
        String text = draft.path("text").asText();
        List<String> paragraphs = List.of(text.split("\n\n"));
        assertThat(paragraphs.get(0)).isEqualTo("区委2024年第一轮巡察整改进展情况的通报");
        assertThat(paragraphs.get(1)).isEqualTo(OPENING);
        assertThat(paragraphs.get(2)).isEqualTo("一、巡察整改总体情况");
        assertThat(paragraphs.get(3)).isEqualTo(FIGURES);
        assertThat(text).contains("二、各单位整改情况\n\n" + FIRST_UNIT + "\n\n（二）区教育局\n\n")
                .contains("（四十）区城市建设投资集团\n\n")
                .contains("三、下一步工作打算\n\n（一）持续抓好未完成问题整改\n\n对未完成的问题逐项跟踪督办。")
                .endsWith("中共某某区委巡察工作领导小组办公室\n\n2024年12月10日\n")
                .doesNotContain("巡视");
        assertThat(draft.path("issues")).isEmpty();
        assertThat(draft.path("notice").hasNonNull("inspectionId")).isFalse();

        // the notice's facts are the round's totals
        JsonNode facts = draft.path("notice").path("facts");
        JsonNode t = totals();
        assertThat(facts.path("round").path("roundId").asText()).isEqualTo(ROUND);
        assertThat(facts.path("round").path("units")).hasSize(40);
        assertThat(facts.path("totals").path("findings").asInt()).isEqualTo(t.path("findingTotals").path("findings").asInt());
        assertThat(facts.path("totals").path("findingsCompleted").asInt()).isEqualTo(t.path("findingTotals").path("completed").asInt());
        assertThat(facts.path("totals").path("completionRate").decimalValue())
                .isEqualByComparingTo(t.path("findingTotals").path("completionRate").decimalValue());
        assertThat(facts.path("regulations").path("count").asInt()).isEqualTo(t.path("regulations").path("count").asInt());

        // a hand-typed number that contradicts the round's figures blocks approval
        Map<String, Object> wrong = new LinkedHashMap<>(narrative);
        wrong.put("responsibilitySections", List.of(Map.of("text", "本轮共巡察41个单位，反馈问题259个，完成率90%。")));
        ok(api.as("publisher").put("/api/notices/" + id + "/narrative", wrong), 200);
        JsonNode refused = api.as("publisher").get("/api/notices/" + id).json();
        assertThat(refused.path("issues").findValuesAsText("code")).containsOnly("NUMBER_CONTRADICTS_LEDGER").hasSize(3);
        Response notReady = api.as("unit_leader").post("/api/notices/" + id + "/approval",
                Map.of("contentHash", refused.path("notice").path("contentHash").asText()));
        ok(notReady, 422);
        assertThat(notReady.json().path("code").asText()).isEqualTo("NOTICE_NOT_READY");

        // with placeholders the narrative states the round's figures
        Map<String, Object> right = new LinkedHashMap<>(narrative);
        right.put("responsibilitySections", List.of(Map.of("text",
                "本轮共巡察{{roundInspectionCount}}个单位，反馈问题{{findingCount}}个，完成率{{completionRate}}%。")));
        ok(api.as("publisher").put("/api/notices/" + id + "/narrative", right), 200);
        JsonNode ready = api.as("publisher").get("/api/notices/" + id).json();
        assertThat(ready.path("issues")).isEmpty();
        assertThat(ready.path("text").asText()).contains(FIGURES + "\n\n本轮共巡察40个单位，反馈问题260个，完成率83.85%。\n\n二、各单位整改情况");

        ok(api.as("unit_leader").post("/api/notices/" + id + "/approval",
                Map.of("contentHash", ready.path("notice").path("contentHash").asText())), 200);
        ok(api.as("publisher").post("/api/notices/" + id + "/publication", Map.of("windowStart", TODAY,
                "windowEnd", "2024-12-31", "historical", true)), 200);

        Response txt = api.anonymous().header("Accept", "text/plain").get("/notices/" + id + ".txt");
        ok(txt, 200);
        assertThat(txt.text()).isEqualTo(ready.path("text").asText().replace("欢迎广大干部群众对巡察整改落实情况进行监督。",
                "欢迎广大干部群众对巡察整改落实情况进行监督。公开期限：2024年12月10日至2024年12月31日。"));
        assertThat(txt.text().split("\n\n")[3]).isEqualTo(FIGURES);
        Response page = api.anonymous().header("Accept", "text/html").get("/notices/" + id);
        ok(page, 200);
        assertThat(page.text()).contains("区委2024年第一轮巡察整改进展情况的通报", "二、各单位整改情况", "区城市建设投资集团");
    }

    @Test
    void aRoundNoticeNamesExactlyOneSubject() {
        Response both = api.as("publisher").post("/api/notices", Map.of("roundId", ROUND, "inspectionId", "syn-r40-u01"));
        ok(both, 400);
        assertThat(both.text()).contains("roundId");
        Response neither = api.as("publisher").post("/api/notices", Map.of("position", 1));
        ok(neither, 400);
        assertThat(neither.text()).contains("inspectionId");
        ok(api.as("publisher").post("/api/notices", Map.of("roundId", "no-such-round")), 404);
        ok(api.as("auditor").post("/api/notices", Map.of("roundId", ROUND)), 403);
        JsonNode facts = api.as("auditor").get("/api/notices/facts?roundId=" + ROUND).json();
        assertThat(facts.path("facts").path("round").path("inspections").asInt()).isEqualTo(40);
    }
}
