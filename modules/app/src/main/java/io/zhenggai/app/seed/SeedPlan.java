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
        rectification(c, steps);
        regulations(c, steps);
        notice(c, steps);
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

    private static final Map<String, String> MEETING_KINDS = Map.of(
            "部务会", "DEPARTMENT_MEETING", "专题民主生活会", "DEMOCRATIC_LIFE_MEETING", "专题研究会", "SPECIAL_STUDY_MEETING",
            "整改工作领导小组会议", "LEADING_GROUP_MEETING", "学习研讨会", "STUDY_SESSION", "整改动员部署会", "MOBILISATION_MEETING");

    private static void rectification(JsonNode c, List<SeedStep> steps) {
        String inspectionId = c.path("inspection").path("inspectionId").asText();
        String base = "/api/rectifications/" + inspectionId;
        JsonNode group = c.path("leadershipGroup");
        // the rectification context opens the ledger by itself once feedback is delivered: wait for it
        steps.add(SeedStep.put("rectification.office", base + "/office", map(
                "name", group.path("officeName").asText("整改工作领导小组办公室"), "hostDepartment", text(group, "office")))
                .awaiting(base));
        String responsibleLeader = null;
        for (JsonNode m : group.path("members")) {
            steps.add(SeedStep.post("rectification.member." + text(m, "memberId"), base + "/group/members", map(
                    "memberId", text(m, "memberId"), "name", text(m, "name"), "position", text(m, "position"),
                    "role", text(m, "role"), "date", text(group, "appointedOn"))));
            if ("DEPUTY".equals(text(m, "role")) && responsibleLeader == null) {
                responsibleLeader = text(m, "memberId");
            }
        }
        for (JsonNode cat : c.path("categories")) {
            for (JsonNode item : cat.path("items")) {
                String itemId = text(item, "itemId");
                steps.add(SeedStep.post("rectification.item." + itemId, base + "/items", map(
                        "itemId", itemId, "findingIds", item.path("findingIds"), "title", text(item, "title"),
                        "kind", text(item, "kind"), "dueDate", text(item, "dueDate"),
                        "responsibleLeaderId", responsibleLeader, "responsibleDepartment", text(item, "responsibleDepartment"))));
                for (JsonNode measure : item.path("measures")) {
                    String measureId = itemId + "-m" + measure.path("ordinal").asInt();
                    steps.add(SeedStep.post("rectification.measure." + measureId, base + "/items/" + itemId + "/measures",
                            map("measureId", measureId, "text", text(measure, "text"))));
                }
            }
        }
        JsonNode plan = c.path("plan");
        steps.add(SeedStep.post("rectification.plan.adoption", base + "/plan/adoption", map(
                "title", text(plan, "title"), "documentNumber", text(plan, "documentNumber"), "date", text(plan, "adoptedOn"))));
        for (JsonNode m : c.path("meetings")) {
            List<Map<String, Object>> claims = new ArrayList<>();
            m.path("claims").forEach(cl -> claims.add(map("leaderName", text(cl, "leader"), "problem", text(cl, "problem"))));
            steps.add(SeedStep.post("rectification.meeting." + text(m, "meetingId"), base + "/meetings", map(
                    "meetingId", text(m, "meetingId"), "kind", MEETING_KINDS.getOrDefault(text(m, "kind"), "OTHER"),
                    "date", text(m, "date"), "title", text(m, "title"), "attendees", m.path("attendees"), "claims", claims)));
        }
        for (JsonNode cat : c.path("categories")) {
            for (JsonNode item : cat.path("items")) {
                progress(base, item, steps);
            }
        }
    }

    /** Records each measure as done with its evidence, then closes the item off (销号) unless it is ongoing. */
    private static void progress(String base, JsonNode item, List<SeedStep> steps) {
        String itemId = text(item, "itemId");
        boolean ongoing = "ONGOING".equals(text(item, "kind"));
        String done = text(item, "completedOn");
        String measureStatus = ongoing ? "LONG_TERM_MECHANISM_ESTABLISHED" : "COMPLETED";
        JsonNode measures = item.path("measures");
        for (int i = 0; i < measures.size(); i++) {
            JsonNode measure = measures.get(i);
            String measureId = itemId + "-m" + measure.path("ordinal").asInt();
            List<Map<String, Object>> evidence = new ArrayList<>();
            evidence.add(map("evidenceId", measureId + "-e0", "kind", "TEXT", "description", text(measure, "text")));
            int n = 1;
            for (JsonNode e : measure.path("evidence")) {
                String evidenceId = measureId + "-e" + n++;
                switch (text(e, "type")) {
                    case "DOCUMENT" -> evidence.add(map("evidenceId", evidenceId, "kind", "DOCUMENT",
                            "document", map("title", text(e, "title"), "number", text(e, "number"), "date", text(e, "date"))));
                    case "MEETING" -> evidence.add(map("evidenceId", evidenceId, "kind", "MEETING",
                            "meeting", map("title", text(e, "title"), "date", e.hasNonNull("date") ? text(e, "date") : done)));
                    case "ORGANISATION" -> evidence.add(map("evidenceId", evidenceId, "kind", "ORGANISATION",
                            "organisation", map("name", text(e, "name"), "date", text(e, "date"))));
                    case "FIGURE" -> evidence.add(map("evidenceId", evidenceId, "kind", "FIGURE",
                            "figure", map("metric", text(e, "metric"), "value", text(e, "value"), "unit", text(e, "unit"), "asOf", done)));
                    default -> throw new IllegalArgumentException("unknown evidence type " + text(e, "type") + " in " + measureId);
                }
            }
            boolean last = i == measures.size() - 1;
            steps.add(SeedStep.post("rectification.progress." + measureId, base + "/items/" + itemId + "/progress", map(
                    "progressId", measureId + "-p", "measureId", measureId, "date", done, "status", measureStatus,
                    "itemStatus", last ? text(item, "status") : "IN_PROGRESS", "text", text(measure, "text"), "evidence", evidence)));
        }
        if (!ongoing) {
            steps.add(SeedStep.post("rectification.closeoff.request." + itemId, base + "/items/" + itemId + "/close-off/request",
                    map("date", done, "summary", "整改措施已全部落实，申请销号")));
            steps.add(SeedStep.post("rectification.closeoff.approval." + itemId, base + "/items/" + itemId + "/close-off/approval",
                    map("date", done, "comment", "经审核，同意销号")));
        }
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

    /** The notice: composed from the ledger as it now stands, narrative by the publisher, approved, published. */
    private static void notice(JsonNode c, List<SeedStep> steps) {
        JsonNode n = c.path("notice");
        if (n.isMissingNode()) {
            return;
        }
        String inspectionId = c.path("inspection").path("inspectionId").asText();
        String noticeId = n.path("noticeId").asText(c.path("caseId").asText() + "-notice");
        List<String> untitled = new ArrayList<>();
        c.path("categories").forEach(cat -> cat.path("items").forEach(item -> {
            if (!item.path("numberedInNotice").asBoolean(true)) {
                untitled.add(text(item, "itemId"));
            }
        }));
        steps.add(SeedStep.post("notice.compose", "/api/notices", map(
                "noticeId", noticeId, "inspectionId", inspectionId,
                "narrative", map("title", text(n, "title"), "responsibilitySections", n.path("responsibilitySections"),
                        "nextSteps", n.path("nextSteps"), "invitation", text(n, "invitation")),
                "settings", map("publishingUnit", text(n, "publishingUnit"), "dateWritten", text(n, "dateWritten"),
                        "indexNumber", text(n, "indexNumber"), "disclosure", text(n, "disclosure"),
                        "contacts", n.path("contacts"), "untitledItemIds", untitled))));
        String path = "/api/notices/" + encode(noticeId);
        steps.add(new SeedStep("notice.read", "GET", path, null, java.util.Set.of(200), null, Map.of())
                .awaiting(path).capturing("notice.contentHash", "noticeContentHash"));
        steps.add(SeedStep.post("notice.approval", path + "/approval", map("contentHash", "${noticeContentHash}")));
        JsonNode window = n.path("window");
        steps.add(SeedStep.post("notice.publication", path + "/publication", map(
                "windowStart", text(window, "start"), "windowEnd", text(window, "end"), "historical", true)));
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
