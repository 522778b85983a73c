package io.zhenggai.finance;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.zhenggai.finance.FinanceTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Regulations through HTTP on PostgreSQL: versions, dates in force, per-inspection counts, refusals. */
class RegulationsIT extends IntegrationTest {

    private String bookOf(String unit) {
        return "finance-rulebook:" + unit;
    }

    @Test
    void theSeedCaseCountsSevenRegulationsEstablishedOrImprovedTwoEnactedFiveRevised() {
        ApiClient leader = api.as("unit_leader");
        String unit = uniqueId("区委统战部");
        String inspection = uniqueId("insp-nh-4");
        // five regulations that existed before the inspection, loaded as history (past dates, with a reason)
        List<String[]> existing = List.of(
                new String[]{"《区委统战部财务管理制度》", "FINANCE"},
                new String[]{"《中共佛山市南海区委统战部党外人士工作经费使用管理办法》", "FUNDS"},
                new String[]{"《中共佛山市南海区委统战部公务接待管理办法》", "RECEPTION"},
                new String[]{"《中共佛山市南海区委统战部公务用车管理办法》", "VEHICLES"},
                new String[]{"《政务信息安全管理规定》", "INFORMATION_SECURITY"});
        List<String> ids = new ArrayList<>();
        for (String[] r : existing) {
            String id = uniqueId("reg");
            ids.add(id);
            ApiClient.Response enacted = leader.post("/api/finance/regulations",
                    enact(id, unit, r[0], r[1], LocalDate.of(2019, 1, 1), "补录巡察前已施行的制度", List.of()));
            assertThat(enacted.status()).as(enacted.toString()).isEqualTo(201);
        }
        // rectification revised them (修订) ...
        for (String id : ids) {
            ApiClient.Response revised = leader.post("/api/finance/regulations/" + id + "/revisions", map(
                    "effectiveFrom", "2023-11-20", "changeSummary", "根据巡察反馈意见修订", "backdatingReason", "补录2023年整改期间的修订",
                    "rules", List.of(), "answers", List.of(map("inspectionId", inspection, "findingId", "finding-2-3"))));
            assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        }
        // ... and enacted two new ones (制定)
        for (String title : List.of("《南海区委统战部采购管理办法》", "《南海区委统战部合同签署审批和备案制度》")) {
            Map<String, Object> body = enact(uniqueId("reg"), unit, title, title.contains("采购") ? "PROCUREMENT" : "CONTRACTS",
                    LocalDate.of(2023, 12, 1), "补录2023年整改期间制定的制度", List.of());
            body.put("answers", List.of(map("inspectionId", inspection, "findingId", "finding-2-3")));
            assertThat(leader.post("/api/finance/regulations", body).status()).isEqualTo(201);
        }

        JsonNode counted = awaitJson(api.as("auditor"), "/api/finance/inspections/" + inspection + "/regulations",
                j -> j.path("count").asInt() == 7);
        assertThat(counted.path("enactedCount").asInt()).isEqualTo(2);
        assertThat(counted.path("revisedCount").asInt()).isEqualTo(5);
        assertThat(counted.path("label").asText()).isEqualTo("健全完善制度7项（制定2项、修订5项）");
        assertThat(counted.path("items").findValuesAsText("kindLabel")).containsOnly("制定", "修订");

        JsonNode catalogue = awaitJson(api.as("inspector"), "/api/finance/regulations?unit=" + encode(unit),
                j -> j.path("items").size() == 7);
        assertThat(catalogue.path("items").findValuesAsText("statusLabel")).containsOnly("现行有效");
        JsonNode one = api.as("rectifier").get("/api/finance/regulations/" + ids.get(0)).json();
        assertThat(one.path("versions")).hasSize(2);
        assertThat(one.path("versions").get(0).path("effectiveUntil").asText()).isEqualTo("2023-11-19");
        assertThat(one.path("versions").get(0).path("backdatingReason").asText()).isEqualTo("补录巡察前已施行的制度");
        assertThat(one.path("versions").get(1).path("kind").asText()).isEqualTo("REVISED");
    }

    @Test
    void aLinkThatNamesOnlyAFindingCountsForTheInspectionThatPublishedIt() {
        ApiClient inspector = api.as("inspector");
        String inspection = uniqueId("insp");
        assertThat(inspector.post("/api/inspections", map("inspectionId", inspection, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部", "plannedFieldworkStart", "2023-06-08", "plannedFieldworkEnd", "2023-07-28")).status())
                .isEqualTo(201);
        assertThat(inspector.post("/api/inspections/" + inspection + "/fieldwork/start", map("date", "2023-06-08")).status()).isEqualTo(200);
        assertThat(inspector.post("/api/inspections/" + inspection + "/categories", map("categoryId", "c2", "title", "关于财务管理方面")).status())
                .isEqualTo(201);
        String finding = uniqueId("f");
        assertThat(inspector.post("/api/inspections/" + inspection + "/findings", map("findingId", finding, "categoryId", "c2",
                "title", "财务管理制度不健全")).status()).isEqualTo(201);

        String unit = uniqueId("区委统战部");
        Map<String, Object> body = enact(uniqueId("reg"), unit, "《财务管理制度》", "FINANCE", TODAY, null, List.of());
        body.put("answers", List.of(map("findingId", finding)));
        assertThat(api.as("finance_officer").post("/api/finance/regulations", body).status()).isEqualTo(201);

        JsonNode counted = awaitJson(api.as("auditor"), "/api/finance/inspections/" + inspection + "/regulations",
                j -> j.path("count").asInt() == 1);
        assertThat(counted.path("items").get(0).path("kind").asText()).isEqualTo("ENACTED");
        assertThat(counted.path("items").get(0).path("findingIds").get(0).asText()).isEqualTo(finding);
    }

    @Test
    void answersWhichVersionWasInForceOnADate() {
        ApiClient officer = api.as("finance_officer");
        String unit = uniqueId("区委统战部");
        String id = uniqueId("reg");
        assertThat(officer.post("/api/finance/regulations", enact(id, unit, "《公务接待管理办法》", "RECEPTION",
                LocalDate.of(2019, 1, 1), "补录", List.of(requiredDocument("RECEPTION", "公函")))).status()).isEqualTo(201);
        assertThat(officer.post("/api/finance/regulations/" + id + "/revisions", map("effectiveFrom", "2023-11-01",
                "changeSummary", "降低工作餐标准", "backdatingReason", "补录", "rules",
                List.of(perPersonCap("RECEPTION", null, "120.00", "GUESTS")))).status()).isEqualTo(201);
        ApiClient.Response repealed = officer.post("/api/finance/regulations/" + id + "/repeal",
                map("effectiveFrom", "2024-01-01", "reason", "并入新的接待管理规定"));
        assertThat(repealed.status()).as(repealed.toString()).isEqualTo(200);

        String base = "/api/finance/regulations/in-force?unit=" + encode(unit) + "&date=";
        JsonNode before = awaitJson(api.as("auditor"), base + "2023-10-31", j -> j.path("items").size() == 1);
        assertThat(before.path("items").get(0).path("versionNumber").asInt()).isEqualTo(1);
        assertThat(before.path("items").get(0).path("rules").get(0).path("type").asText()).isEqualTo("REQUIRED_DOCUMENT");
        JsonNode onTheDay = awaitJson(api.as("auditor"), base + "2023-11-01", j -> j.path("items").size() == 1);
        assertThat(onTheDay.path("items").get(0).path("versionNumber").asInt()).isEqualTo(2);
        assertThat(onTheDay.path("items").get(0).path("rules").get(0).path("capPerPerson").decimalValue()).isEqualByComparingTo("120.00");
        awaitJson(api.as("auditor"), base + "2023-12-31", j -> j.path("items").size() == 1);
        awaitJson(api.as("auditor"), base + "2024-01-01", j -> j.path("items").isEmpty());
        awaitJson(api.as("auditor"), base + "2018-12-31", j -> j.path("items").isEmpty());
        JsonNode repealedOne = awaitJson(api.as("auditor"), "/api/finance/regulations?status=REPEALED&unit=" + encode(unit),
                j -> j.path("items").size() == 1);
        assertThat(repealedOne.path("items").get(0).path("repealedFrom").asText()).isEqualTo("2024-01-01");
    }

    @Test
    void anInvalidRuleIsRefusedWith400NamingTheFieldAndLeavesNoEvent() {
        String unit = uniqueId("区委统战部");
        long before = eventCount();
        ApiClient.Response r = api.as("finance_officer").post("/api/finance/regulations", enact(uniqueId("reg"), unit,
                "《公务接待管理办法》", "RECEPTION", TODAY, null,
                List.of(requiredDocument("RECEPTION", "公函"), ratio(1, 3, 3), perPersonCap("RECEPTION", null, "-5", "GUESTS"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("errors").findValuesAsText("field")).contains("rules[2].capPerPerson");

        ApiClient.Response badType = api.as("finance_officer").post("/api/finance/regulations", enact(uniqueId("reg"), unit,
                "《公务接待管理办法》", "RECEPTION", TODAY, null, List.of(map("type", "NO_SUCH_RULE", "category", "RECEPTION"))));
        assertThat(badType.status()).as(badType.toString()).isEqualTo(400);
        assertThat(badType.json().path("errors").findValuesAsText("field").get(0)).startsWith("rules[0]");

        ApiClient.Response missing = api.as("finance_officer").post("/api/finance/regulations", enact(uniqueId("reg"), unit,
                "《采购管理办法》", "PROCUREMENT", TODAY, null, List.of(map("type", "THRESHOLD_PROCEDURE", "category", "PROCUREMENT",
                        "threshold", "30000.001", "acceptedProcedures", List.of()))));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsText("field"))
                .contains("rules[0].threshold", "rules[0].acceptedProcedures");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(eventCount(bookOf(unit))).isZero();
    }

    @Test
    void aPastEffectiveDateWithoutReasonIs422AndAnOverlappingRevisionIs409BothLeavingNoEvent() {
        ApiClient officer = api.as("finance_officer");
        String unit = uniqueId("区委统战部");
        ApiClient.Response backdated = officer.post("/api/finance/regulations",
                enact(uniqueId("reg"), unit, "《公务用车管理办法》", "VEHICLES", TODAY.minusDays(1), null, List.of()));
        assertThat(backdated.status()).as(backdated.toString()).isEqualTo(422);
        assertThat(backdated.json().path("code").asText()).isEqualTo("BACKDATING_REASON_REQUIRED");
        assertThat(eventCount(bookOf(unit))).isZero();

        String id = uniqueId("reg");
        ApiClient.Response created = officer.post("/api/finance/regulations",
                enact(id, unit, "《公务用车管理办法》", "VEHICLES", TODAY, null, List.of()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        long events = eventCount(bookOf(unit));
        ApiClient.Response overlapping = officer.post("/api/finance/regulations/" + id + "/revisions",
                map("effectiveFrom", TODAY.minusDays(3).toString(), "changeSummary", "x", "backdatingReason", "补录"));
        assertThat(overlapping.status()).as(overlapping.toString()).isEqualTo(409);
        assertThat(overlapping.json().path("code").asText()).isEqualTo("VERSION_OVERLAP");
        assertThat(eventCount(bookOf(unit))).isEqualTo(events);

        ApiClient.Response stale = officer.header("If-Match", "\"0\"").post("/api/finance/regulations/" + id + "/revisions",
                map("effectiveFrom", TODAY.plusDays(10).toString(), "changeSummary", "下月起施行新排班"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(eventCount(bookOf(unit))).isEqualTo(events);

        ApiClient.Response duplicate = officer.post("/api/finance/regulations",
                enact(id, uniqueId("另一单位"), "《公务用车管理办法》", "VEHICLES", TODAY, null, List.of()));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
    }

    @Test
    void rolesAndUnknownIds() {
        String unit = uniqueId("区委统战部");
        Map<String, Object> body = enact(uniqueId("reg"), unit, "《财务管理制度》", "FINANCE", TODAY, null, List.of());
        assertThat(api.as("publisher").post("/api/finance/regulations", body).status()).isEqualTo(403);
        assertThat(api.as("rectifier").post("/api/finance/regulations", body).status()).isEqualTo(403);
        assertThat(api.as("auditor").post("/api/finance/regulations", body).status()).isEqualTo(403);
        assertThat(api.as("publisher").get("/api/finance/regulations").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/finance/regulations").status()).isEqualTo(401);
        assertThat(eventCount(bookOf(unit))).isZero();
        assertThat(api.as("admin").post("/api/finance/regulations", body).status()).isEqualTo(201);

        ApiClient.Response unknown = api.as("unit_leader").post("/api/finance/regulations/no-such-reg/revisions",
                map("effectiveFrom", TODAY.toString(), "changeSummary", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.as("auditor").get("/api/finance/regulations/no-such-reg").status()).isEqualTo(404);
    }
}
