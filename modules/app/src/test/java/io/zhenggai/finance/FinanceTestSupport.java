package io.zhenggai.finance;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Builders and waits shared by the finance integration tests. */
final class FinanceTestSupport {

    private FinanceTestSupport() {
    }

    static final LocalDate TODAY = io.zhenggai.app.support.ItClock.today();

    @SafeVarargs
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    static Map<String, Object> perPersonCap(String category, String item, Object cap, String basis) {
        return map("type", "PER_PERSON_CAP", "label", "人均标准", "category", category, "item", item, "capPerPerson", cap, "basis", basis);
    }

    static Map<String, Object> requiredDocument(String category, String document) {
        return map("type", "REQUIRED_DOCUMENT", "category", category, "document", document);
    }

    static Map<String, Object> ratio(int maxStaff, int perGuests, int minimumAllowed) {
        return map("type", "RATIO", "category", "RECEPTION", "maxStaff", maxStaff, "perGuests", perGuests, "minimumAllowed", minimumAllowed);
    }

    static Map<String, Object> thresholdProcedure(Object threshold, String... procedures) {
        return map("type", "THRESHOLD_PROCEDURE", "category", "PROCUREMENT", "threshold", threshold, "acceptedProcedures", List.of(procedures));
    }

    static Map<String, Object> allowedItems(String... items) {
        return map("type", "ALLOWED_ITEMS", "category", "NON_PARTY_FUNDS", "items", List.of(items));
    }

    static Map<String, Object> requiredApproval(String approver) {
        return map("type", "REQUIRED_APPROVAL", "category", "SPECIAL_BALANCE_FUNDS", "approver", approver);
    }

    static Map<String, Object> enact(String id, String unit, String title, String area, LocalDate from, String reason, List<?> rules) {
        return map("regulationId", id, "unit", unit, "title", title, "area", area, "effectiveFrom", from.toString(),
                "backdatingReason", reason, "rules", rules);
    }

    static JsonNode awaitJson(ApiClient client, String path, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            ApiClient.Response r = client.get(path);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last[0] = r.json();
            assertThat(until.test(last[0])).as("waiting on %s: %s", path, last[0]).isTrue();
        });
        return last[0];
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
