package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a seed case file (see {@code seeds/README.md}) into the requests a user would send, in the order the
 * story happened: the inspection and its feedback; the rectification (opened by the system when feedback is
 * delivered), its leadership group, plan, items, measures, meetings, progress and close-offs; the regulations
 * established or revised; the notice composed, approved and published.
 */
final class SeedPlan {

    private SeedPlan() {
    }

    static List<SeedStep> of(JsonNode c) {
        List<SeedStep> steps = new ArrayList<>();
        inspection(c, steps);
        regulations(c, steps);
        return steps;
    }

    private static void inspection(JsonNode c, List<SeedStep> steps) {
        JsonNode insp = c.path("inspection");
        String id = insp.path("inspectionId").asText();
        String base = "/api/inspections/" + id;
        steps.add(SeedStep.post("inspection.schedule", "/api/inspections", map(
                "inspectionId", id,
                "inspectingBody", text(insp, "inspectingBody"),
                "inspectedUnit", text(insp, "inspectedUnit"),
                "mandate", text(insp, "mandate"),
                "legalBasis", insp.path("legalBasis"),
                "plannedFieldworkStart", text(insp, "plannedFieldworkStart"),
                "plannedFieldworkEnd", text(insp, "plannedFieldworkEnd"))));
        steps.add(SeedStep.post("inspection.fieldwork.start", base + "/fieldwork/start", map("date", text(insp, "fieldworkStart"))));
        for (JsonNode cat : c.path("categories")) {
            String cid = text(cat, "categoryId");
            steps.add(SeedStep.post("inspection.category." + cid, base + "/categories", map("categoryId", cid, "title", text(cat, "title"))));
            for (JsonNode f : cat.path("findings")) {
                steps.add(SeedStep.post("inspection.finding." + text(f, "findingId"), base + "/findings", map(
                        "findingId", text(f, "findingId"), "categoryId", cid, "title", text(f, "title"),
                        "description", text(f, "description"), "manifestations", f.path("manifestations").isArray() ? f.path("manifestations") : List.of())));
            }
        }
        steps.add(SeedStep.post("inspection.fieldwork.conclude", base + "/fieldwork/conclude", map("date", text(insp, "fieldworkEnd"))));
        steps.add(SeedStep.post("inspection.feedback", base + "/feedback", map("date", text(insp, "feedbackDate"))));
    }

    private static void regulations(JsonNode c, List<SeedStep> steps) {
        String inspectionId = c.path("inspection").path("inspectionId").asText();
        String unit = c.path("regulationsUnit").asText(c.path("inspection").path("inspectedUnit").asText());
        String reason = c.path("regulationBackdatingReason").asText("历史案例补录");
        for (JsonNode r : c.path("regulations")) {
            String id = text(r, "regulationId");
            List<Map<String, Object>> answers = new ArrayList<>();
            for (JsonNode item : r.path("answersItems")) {
                answers.add(map("inspectionId", inspectionId, "rectificationItemId", item.asText()));
            }
            List<Object> rules = new ArrayList<>();
            r.path("rules").forEach(rules::add);
            if ("REVISE".equals(text(r, "action"))) {
                steps.add(SeedStep.post("regulation." + id + ".original", "/api/finance/regulations", map(
                        "regulationId", id, "unit", unit, "title", text(r, "title"), "area", text(r, "area"),
                        "effectiveFrom", r.path("previousVersion").path("effectiveFrom").asText(),
                        "summary", "巡察前已施行的版本（补录）", "backdatingReason", reason,
                        "rules", List.of(), "answers", List.of())));
                steps.add(SeedStep.post("regulation." + id + ".revision", "/api/finance/regulations/" + encode(id) + "/revisions", map(
                        "effectiveFrom", text(r, "effectiveFrom"), "changeSummary", r.path("changeSummary").asText("根据巡察反馈意见修订"),
                        "backdatingReason", reason, "rules", rules, "answers", answers)));
            } else {
                steps.add(SeedStep.post("regulation." + id + ".enact", "/api/finance/regulations", map(
                        "regulationId", id, "unit", unit, "title", text(r, "title"), "area", text(r, "area"),
                        "effectiveFrom", text(r, "effectiveFrom"), "summary", r.path("summary").asText(null),
                        "backdatingReason", reason, "rules", rules, "answers", answers)));
            }
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An ordered map that, unlike Map.of, keeps nulls (the API treats a missing and a null field alike). */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
