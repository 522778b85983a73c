package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.publication.testing.SeedCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.zhenggai.publication.PublicationScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The synthetic 巡视 cases of {@code seeds/} (a district committee after a municipal and after a provincial 巡视),
 * each loaded through the case loader ({@code POST /api/admin/seeds}) on PostgreSQL, composed, approved and
 * published: the whole public text ({@code GET /notices/{id}.txt}) must equal the text written by hand in
 * {@code seeds/expected/<case>.txt}, character for character, and must not say 巡察 anywhere. Then the notices of a
 * round are listed by {@code GET /api/notices?roundId=}.
 */
class XunshiCasesIT extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"synthetic-district-municipal-xunshi-2023", "synthetic-district-provincial-xunshi-2023"})
    void theSyntheticXunshiCaseIsPublishedExactlyAsWrittenByHandAndNeverSaysXuncha(String name) throws IOException {
        JsonNode file = JSON.readTree(Files.readString(SeedCase.file("seeds/" + name + ".json"), StandardCharsets.UTF_8));
        assertThat(file.path("synthetic").asBoolean()).as("a made-up case says so").isTrue();
        String expected = Files.readString(SeedCase.file("seeds/expected/" + name + ".txt"), StandardCharsets.UTF_8);

        Response loaded = api.as("admin").post("/api/admin/seeds", file);
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        String noticeId = file.path("notice").path("noticeId").asText(file.path("caseId").asText() + "-notice");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.anonymous().get("/notices/" + noticeId + ".txt").status() == 200);

        Response txt = api.anonymous().header("Accept", "text/plain").get("/notices/" + noticeId + ".txt");
        ok(txt, 200);
        assertThat(txt.text()).as("the published text differs from seeds/expected/%s.txt:%n%s", name, diff(expected, txt.text()))
                .isEqualTo(expected);
        assertThat(txt.text()).doesNotContain("巡察").contains("巡视");
        JsonNode notice = api.as("auditor").get("/api/notices/" + noticeId).json();
        assertThat(notice.path("notice").path("facts").path("kind").asText()).isEqualTo("XUNSHI");
        assertThat(notice.path("issues")).as("nothing blocks the published notice").isEmpty();
    }

    @Test
    void theNoticesOfARoundAreListedByItsIdAndOnlyThose() {
        String round = uniqueId("round");
        String unit = uniqueId("unit");
        ok(api.as("inspector").post("/api/inspection-rounds", Map.of("roundId", round, "name", "省委第十轮巡视",
                "organizer", "省委", "periodStart", "2023-04-01", "periodEnd", "2023-07-31")), 201);
        ok(api.as("inspector").post("/api/inspections", Map.of("inspectionId", unit, "roundId", round, "kind", "XUNSHI",
                "level", "PROVINCIAL", "inspectingBody", "省委第一巡视组", "inspectedUnit", "某某区委", "mandate", "省委统一部署",
                "plannedFieldworkStart", "2023-04-10", "plannedFieldworkEnd", "2023-06-09")), 201);
        String i = "/api/inspections/" + unit;
        ok(api.as("inspector").post(i + "/fieldwork/start", Map.of("date", "2023-04-10")), 200);
        ok(api.as("inspector").post(i + "/categories", Map.of("categoryId", "c1", "title", "关于党的领导方面")), 201);
        ok(api.as("inspector").post(i + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "学习贯彻不够深入")), 201);
        ok(api.as("inspector").post(i + "/fieldwork/conclude", Map.of("date", "2023-06-09")), 200);
        ok(api.as("inspector").post(i + "/feedback", Map.of("date", "2023-08-02")), 200);
        String roundNotice = uniqueId("round-notice");
        String unitNotice = uniqueId("unit-notice");
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", roundNotice, "roundId", round)), 201);
        ok(api.as("publisher").post("/api/notices", Map.of("noticeId", unitNotice, "inspectionId", unit)), 201);

        Response listed = api.as("auditor").get("/api/notices?roundId=" + round);
        ok(listed, 200);
        assertThat(listed.json().path("total").asLong()).isEqualTo(1);
        assertThat(listed.json().path("items")).singleElement().satisfies(n -> {
            assertThat(n.path("noticeId").asText()).isEqualTo(roundNotice);
            assertThat(n.path("roundId").asText()).isEqualTo(round);
            assertThat(n.hasNonNull("inspectionId")).isFalse();
        });
        assertThat(api.as("auditor").get("/api/notices?inspectionId=" + unit).json().path("items"))
                .singleElement().satisfies(n -> {
                    assertThat(n.path("noticeId").asText()).isEqualTo(unitNotice);
                    assertThat(n.hasNonNull("roundId")).isFalse();
                });
        assertThat(api.as("auditor").get("/api/notices?roundId=" + round + "&status=PUBLISHED").json().path("total").asLong()).isZero();
        assertThat(api.as("auditor").get("/api/notices?roundId=no-such-round").json().path("items")).isEmpty();

        Response both = api.as("auditor").get("/api/notices?roundId=" + round + "&inspectionId=" + unit);
        ok(both, 400);
        assertThat(both.text()).contains("roundId");
        // who may list: the row GET /api/notices of authorization-matrix.tsv, whatever the filter
        ok(api.as("publisher").get("/api/notices?roundId=" + round), 200);
        ok(api.as("unit_leader").get("/api/notices?roundId=" + round), 200);
        ok(api.as("inspector").get("/api/notices?roundId=" + round), 403);
        ok(api.as("rectifier").get("/api/notices?roundId=" + round), 403);
        ok(api.anonymous().get("/api/notices?roundId=" + round), 401);
    }

    /** The lines that differ, "-" expected and "+" published, with the line numbers, from a longest common subsequence. */
    static String diff(String expected, String actual) {
        List<String> a = List.of(expected.split("\n", -1));
        List<String> b = List.of(actual.split("\n", -1));
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int x = a.size() - 1; x >= 0; x--) {
            for (int y = b.size() - 1; y >= 0; y--) {
                lcs[x][y] = a.get(x).equals(b.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int x = 0, y = 0;
        while (x < a.size() || y < b.size()) {
            if (x < a.size() && y < b.size() && a.get(x).equals(b.get(y))) {
                x++;
                y++;
            } else if (x < a.size() && (y == b.size() || lcs[x + 1][y] >= lcs[x][y + 1])) {
                out.add("-" + (x + 1) + ": " + a.get(x++));
            } else {
                out.add("+" + (y + 1) + ": " + b.get(y++));
            }
        }
        return String.join("\n", out);
    }
}
