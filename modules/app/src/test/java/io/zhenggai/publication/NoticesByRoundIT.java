package io.zhenggai.publication;

import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.zhenggai.publication.PublicationScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/notices?roundId=} lists the round notices of a round and only those; with both filters it is 400
 * naming {@code roundId}. (The synthetic 巡视 cases are compared with their expected text by {@link SyntheticCasesIT}.)
 */
class NoticesByRoundIT extends IntegrationTest {

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
}
