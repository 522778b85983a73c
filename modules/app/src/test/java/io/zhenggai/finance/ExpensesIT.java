package io.zhenggai.finance;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.zhenggai.finance.FinanceTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Expenses judged under the rules of their date, violations, escalation and money, through HTTP on PostgreSQL. */
class ExpensesIT extends IntegrationTest {

    static final LocalDate REVISED_FROM = TODAY.minusDays(30);

    private String book(String unit) {
        return "finance-rulebook:" + unit;
    }

    private String receptionRules(ApiClient officer, String unit) {
        String id = uniqueId("reg-reception");
        ApiClient.Response enacted = officer.post("/api/finance/regulations", enact(id, unit, "《公务接待管理办法》", "RECEPTION",
                LocalDate.of(2019, 1, 1), "补录巡察前已施行的制度",
                List.of(perPersonCap("RECEPTION", null, "150.00", "GUESTS"), requiredDocument("RECEPTION", "公函"))));
        assertThat(enacted.status()).as(enacted.toString()).isEqualTo(201);
        ApiClient.Response revised = officer.post("/api/finance/regulations/" + id + "/revisions", map(
                "effectiveFrom", REVISED_FROM.toString(), "changeSummary", "工作餐标准降为120元/人，增加陪餐人数限制",
                "backdatingReason", "修订稿经部务会通过后补录", "rules",
                List.of(perPersonCap("RECEPTION", null, "120.00", "GUESTS"), requiredDocument("RECEPTION", "公函"), ratio(1, 3, 3))));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        return id;
    }

    private static Map<String, Object> reception(String id, String unit, LocalDate date, String amount, int guests, int staff,
                                                 boolean letter) {
        return map("expenseId", id, "unit", unit, "date", date.toString(), "amount", amount, "category", "RECEPTION",
                "payee", "某宾馆", "guests", guests, "staff", staff,
                "documents", letter ? List.of(map("kind", "公函", "reference", "粤统函〔2024〕1号")) : List.of());
    }

    @Test
    void fullFlowFromRuleToVerdictToEscalationToMoneyRecovered() {
        ApiClient officer = api.as("finance_officer");
        String unit = uniqueId("区委统战部");
        String regulation = receptionRules(officer, unit);
        String a = uniqueId("exp-a");
        String b = uniqueId("exp-b");
        String c = uniqueId("exp-c");

        // the day before the revision: 140/guest is within the old cap of 150
        ApiClient.Response dayBefore = officer.post("/api/finance/expenses", reception(a, unit, REVISED_FROM.minusDays(1), "560.00", 4, 2, true));
        assertThat(dayBefore.status()).as(dayBefore.toString()).isEqualTo(201);
        assertThat(dayBefore.json().path("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(dayBefore.json().path("appliedVersions").get(0).path("versionId").asText()).isEqualTo(regulation + "-v1");

        // the day of the revision: the same expense breaks the new cap of 120 by 80.00
        JsonNode onTheDay = officer.post("/api/finance/expenses", reception(b, unit, REVISED_FROM, "560.00", 4, 2, true)).json();
        assertThat(onTheDay.path("verdict").asText()).isEqualTo("NON_COMPLIANT");
        JsonNode breach = onTheDay.path("breaches").get(0);
        assertThat(breach.path("versionId").asText()).isEqualTo(regulation + "-v2");
        assertThat(breach.path("excessAmount").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(breach.path("violationId").asText()).isEqualTo(b + "-V1");

        // too many accompanying staff, no official letter
        JsonNode two = officer.post("/api/finance/expenses", reception(c, unit, TODAY, "200.00", 2, 5, false)).json();
        assertThat(two.path("breaches").findValuesAsText("ruleType")).containsExactly("REQUIRED_DOCUMENT", "RATIO");
        assertThat(two.path("breaches").get(1).path("excessPersons").asInt()).isEqualTo(2);

        // reads: expense checks, the risk register
        String u = encode(unit);
        JsonNode nonCompliant = awaitJson(api.as("auditor"), "/api/finance/expenses?unit=" + u + "&verdict=NON_COMPLIANT",
                j -> j.path("total").asLong() == 2);
        assertThat(nonCompliant.path("items").findValuesAsText("expenseId")).containsExactlyInAnyOrder(b, c);
        JsonNode register = awaitJson(api.as("unit_leader"), "/api/finance/violations?unit=" + u + "&area=RECEPTION",
                j -> j.path("items").size() == 3);
        assertThat(register.path("counts").get(0).path("count").asLong()).isEqualTo(3); // OPEN
        assertThat(api.as("inspector").get("/api/finance/violations?unit=" + u + "&area=PROCUREMENT").json().path("items")).isEmpty();
        assertThat(api.as("rectifier").get("/api/finance/violations?unit=" + u + "&from=" + TODAY + "&to=" + TODAY).json()
                .path("items")).hasSize(2);

        // escalate the excess to the rectification of an inspection: a complete event, once only
        String inspection = uniqueId("insp");
        ApiClient.Response escalated = officer.post("/api/finance/violations/" + b + "-V1/escalation",
                map("inspectionId", inspection, "findingId", "finding-2-4"));
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        String payload = jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :book and payload_type like '%ViolationEscalatedEvent'""")
                .param("book", book(unit)).query(String.class).single();
        assertThat(payload).contains(inspection, "finding-2-4", b + "-V1", regulation + "-v2", "\"amount\":80.00");
        String meta = jdbc.sql("""
                        select convert_from(meta_data, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :book and payload_type like '%ViolationEscalatedEvent'""")
                .param("book", book(unit)).query(String.class).single();
        assertThat(meta).contains("finance_officer", "EscalateViolationCommand");
        ApiClient.Response again = officer.post("/api/finance/violations/" + b + "-V1/escalation", map("inspectionId", inspection));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);

        // resolved by money returned; plus money recorded directly
        ApiClient.Response resolved = officer.post("/api/finance/violations/" + b + "-V1/resolution", map("resolution", "MONEY_RETURNED",
                "date", TODAY.toString(), "note", "经办人退回超标部分", "amountReturned", "80.00", "moneyKind", "PERSONAL_COSTS_RECOVERED"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(officer.post("/api/finance/money-outcomes", map("unit", unit, "kind", "FUNDS_RECOVERED", "amount", "12345.67",
                "date", TODAY.toString(), "inspectionId", inspection, "description", "追缴违规发放的补贴")).status()).isEqualTo(201);
        assertThat(officer.post("/api/finance/money-outcomes", map("unit", unit, "kind", "IRREGULAR_FUNDS_REFUNDED", "amount", 0.33,
                "date", TODAY.toString())).status()).isEqualTo(201);

        JsonNode perInspection = awaitJson(api.as("auditor"), "/api/finance/money-totals?groupBy=INSPECTION&unit=" + u,
                j -> j.path("groups").size() == 2);
        JsonNode forInspection = null;
        for (JsonNode g : perInspection.path("groups")) {
            if (g.path("key").asText().equals(inspection)) {
                forInspection = g;
            }
        }
        assertThat(forInspection).isNotNull();
        assertThat(forInspection.path("total").decimalValue()).isEqualByComparingTo("12425.67");
        assertThat(forInspection.path("totalWanYuan").decimalValue()).isEqualByComparingTo("1.242567");
        assertThat(forInspection.path("totalWanYuanText").asText()).isEqualTo("1.242567万元"); // exact, never rounded
        ApiClient.Response perUnitResponse = api.as("auditor").get("/api/finance/money-totals?groupBy=UNIT&unit=" + u);
        assertThat(perUnitResponse.text()).contains("\"total\":12426.00", "\"totalWanYuan\":1.2426"); // exact
        JsonNode perUnit = perUnitResponse.json();
        assertThat(perUnit.path("groups").get(0).path("key").asText()).isEqualTo(unit);
        assertThat(perUnit.path("total").decimalValue()).isEqualByComparingTo("12426.00");
        JsonNode kinds = perUnit.path("groups").get(0).path("totals");
        assertThat(kinds.get(2).path("kind").asText()).isEqualTo("PERSONAL_COSTS_RECOVERED");
        assertThat(kinds.get(2).path("amount").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(kinds.get(3).path("label").asText()).isEqualTo("挽回经济损失");
        assertThat(kinds.get(3).path("amount").decimalValue()).isEqualByComparingTo("0");

        JsonNode resolvedView = awaitJson(api.as("auditor"), "/api/finance/violations/" + b + "-V1",
                j -> j.path("status").asText().equals("RESOLVED"));
        assertThat(resolvedView.path("inspectionId").asText()).isEqualTo(inspection);
        assertThat(resolvedView.path("amountReturned").decimalValue()).isEqualByComparingTo("80.00");
        awaitJson(api.as("auditor"), "/api/finance/violations?unit=" + u + "&status=ESCALATED", j -> j.path("items").isEmpty());
    }

    @Test
    void aRecheckUnderTheCurrentRulesIsARecordedWhatIfThatChangesNoVerdict() {
        ApiClient officer = api.as("finance_officer");
        String unit = uniqueId("区委统战部");
        receptionRules(officer, unit);
        String a = uniqueId("exp");
        assertThat(officer.post("/api/finance/expenses", reception(a, unit, REVISED_FROM.minusDays(1), "560.00", 4, 2, true))
                .json().path("verdict").asText()).isEqualTo("COMPLIANT");
        long events = eventCount(book(unit));
        ApiClient.Response whatIf = officer.post("/api/finance/expenses/" + a + "/rechecks", map("recheckId", uniqueId("rc")));
        assertThat(whatIf.status()).as(whatIf.toString()).isEqualTo(201);
        assertThat(whatIf.json().path("verdict").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(whatIf.json().path("rulesAsOf").asText()).isEqualTo(TODAY.toString());
        assertThat(eventCount(book(unit))).isEqualTo(events + 1);

        JsonNode expense = awaitJson(api.as("auditor"), "/api/finance/expenses/" + a, j -> j.path("rechecks").size() == 1);
        assertThat(expense.path("verdict").asText()).isEqualTo("COMPLIANT");
        assertThat(expense.path("rechecks").get(0).path("differsFromBinding").asBoolean()).isTrue();
        assertThat(api.as("auditor").get("/api/finance/violations?unit=" + encode(unit)).json().path("items")).isEmpty();
    }

    @Test
    void everyRuleTypeIsJudgedThroughTheApi() {
        ApiClient officer = api.as("finance_officer");
        String unit = uniqueId("区委统战部");
        LocalDate from = LocalDate.of(2023, 12, 1);
        for (Map<String, Object> body : List.of(
                enact(uniqueId("reg"), unit, "《采购管理办法》", "PROCUREMENT", from, "补录", List.of(thresholdProcedure("30000", "询价", "政府采购"))),
                enact(uniqueId("reg"), unit, "《党外人士工作经费使用管理办法》", "FUNDS", from, "补录", List.of(allowedItems("调研费", "会议费"))),
                enact(uniqueId("reg"), unit, "《专项结余资金管理规定》", "FUNDS", from, "补录", List.of(requiredApproval("区财政局"))))) {
            assertThat(officer.post("/api/finance/regulations", body).status()).isEqualTo(201);
        }
        JsonNode procurement = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.toString(), "amount", "45000",
                "category", "PROCUREMENT", "procedure", "直接采购")).json();
        assertThat(procurement.path("breaches").get(0).path("ruleType").asText()).isEqualTo("THRESHOLD_PROCEDURE");
        assertThat(procurement.path("breaches").get(0).path("excessAmount").decimalValue()).isEqualByComparingTo("15000.00");

        JsonNode funds = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.toString(), "amount", "800.00",
                "category", "NON_PARTY_FUNDS", "items", List.of(map("name", "调研费", "amount", "500.00"), map("name", "礼品", "amount", "300.00")))).json();
        assertThat(funds.path("breaches").get(0).path("ruleType").asText()).isEqualTo("ALLOWED_ITEMS");
        assertThat(funds.path("breaches").get(0).path("amountAtStake").decimalValue()).isEqualByComparingTo("300.00");

        JsonNode balance = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.minusDays(2).toString(), "amount", "20000.00",
                "category", "SPECIAL_BALANCE_FUNDS", "approvals", List.of(map("approver", "区财政局", "reference", "南财〔2024〕9号",
                        "date", TODAY.toString())))).json();
        assertThat(balance.path("breaches").get(0).path("ruleType").asText()).isEqualTo("REQUIRED_APPROVAL");
        assertThat(balance.path("breaches").get(0).path("description").asText()).contains("先支后批");

        JsonNode fine = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.toString(), "amount", "20000.00",
                "category", "SPECIAL_BALANCE_FUNDS", "approvals", List.of(map("approver", "区财政局", "date", TODAY.toString())))).json();
        assertThat(fine.path("verdict").asText()).isEqualTo("COMPLIANT");
        JsonNode byArea = awaitJson(api.as("auditor"), "/api/finance/violations?area=FUNDS&unit=" + encode(unit),
                j -> j.path("items").size() == 2);
        assertThat(byArea.path("amountAtStake").decimalValue()).isEqualByComparingTo("20300.00");
    }

    @Test
    void badAmountsAre400ForeignRolesAre403UnknownIdsAre404FutureDatesAre422AndNoneLeavesAnEvent() {
        ApiClient officer = api.as("finance_officer");
        String unit = uniqueId("区委统战部");
        long before = eventCount();
        for (Object amount : List.of("12.345", "-1.00", "0", 0.001)) {
            ApiClient.Response r = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.toString(), "amount", amount,
                    "category", "OFFICE"));
            assertThat(r.status()).as(amount + ": " + r).isEqualTo(400);
            assertThat(r.json().path("errors").findValuesAsText("field")).containsOnly("amount");
        }
        ApiClient.Response item = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.toString(), "amount", "1.00",
                "category", "OFFICE", "items", List.of(map("name", "纸", "amount", "1.001"))));
        assertThat(item.json().path("errors").findValuesAsText("field")).containsExactly("items[0].amount");
        ApiClient.Response future = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.plusDays(1).toString(),
                "amount", "1.00", "category", "OFFICE"));
        assertThat(future.status()).as(future.toString()).isEqualTo(422);
        assertThat(future.json().path("code").asText()).isEqualTo("DATE_IN_FUTURE");
        ApiClient.Response mismatch = officer.post("/api/finance/expenses", map("unit", unit, "date", TODAY.toString(), "amount", "2.00",
                "category", "OFFICE", "items", List.of(map("name", "纸", "amount", "1.00"))));
        assertThat(mismatch.status()).isEqualTo(422);
        Map<String, Object> ok = map("unit", unit, "date", TODAY.toString(), "amount", "1.00", "category", "OFFICE");
        assertThat(api.as("unit_leader").post("/api/finance/expenses", ok).status()).isEqualTo(403);
        assertThat(api.as("auditor").post("/api/finance/expenses", ok).status()).isEqualTo(403);
        assertThat(api.as("admin").post("/api/finance/money-outcomes", map("unit", unit, "kind", "FUNDS_RECOVERED", "amount", "1",
                "date", TODAY.toString())).status()).isEqualTo(403);
        assertThat(api.as("publisher").get("/api/finance/violations").status()).isEqualTo(403);
        assertThat(api.as("publisher").get("/api/finance/money-totals").status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);

        assertThat(officer.post("/api/finance/violations/no-such-V1/escalation", map("inspectionId", "insp-1")).status()).isEqualTo(404);
        assertThat(officer.post("/api/finance/expenses/no-such/rechecks", map()).status()).isEqualTo(404);
        assertThat(api.as("auditor").get("/api/finance/expenses/no-such").status()).isEqualTo(404);
        assertThat(api.as("auditor").get("/api/finance/violations/no-such").status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);

        String id = uniqueId("exp");
        ApiClient.Response first = officer.post("/api/finance/expenses", map("expenseId", id, "unit", unit, "date", TODAY.toString(),
                "amount", "1.10", "category", "OFFICE"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("verdict").asText()).isEqualTo("COMPLIANT");
        ApiClient.Response twice = officer.post("/api/finance/expenses", map("expenseId", id, "unit", unit, "date", TODAY.toString(),
                "amount", "1.10", "category", "OFFICE"));
        assertThat(twice.status()).isEqualTo(409);
        awaitJson(api.as("auditor"), "/api/finance/expenses/" + id, j -> j.path("verdict").asText().equals("COMPLIANT"));
        assertThat(api.as("auditor").get("/api/finance/expenses/" + id).text()).contains("\"amount\":1.10"); // exact, 2 decimals
    }
}
