package io.zhenggai.app.seed;

import io.zhenggai.api.inspection.InspectionKind;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a case file (schema {@code seeds/case.schema.json}, described in {@code docs/case-files.md}) into the
 * requests a user would send, in the order the story happened: the round; per inspection, the inspection and its
 * feedback; the rectification (opened by the system when feedback is delivered), its leadership group, plan, items,
 * measures, meetings, deadline extensions, progress in whatever status each item stands, close-offs, accountability and
 * process metrics; the regulations
 * established or revised and the money outcomes; the notice composed, approved and published.
 * <p>
 * A file with one inspection keeps its fields at the top level and its step keys unprefixed; a file with
 * {@code inspections[]} prefixes each unit's keys with its inspection id. Every step names the JSON pointer it
 * comes from. The plan is built from a valid file (see {@link SeedCaseValidator}); on an invalid one it still
 * builds, so that errors can be matched to steps.
 */
final class SeedPlan {

    private SeedPlan() {
    }

    /** One inspected unit of the file: its node, the prefix of its step keys and variables, its JSON pointer. */
    private record Unit(JsonNode node, String prefix, String pointer, String caseId, boolean single, String roundId) {

        String key(String key) {
            return prefix + key;
        }

        String inspectionId() {
            return node.path("inspection").path("inspectionId").asText();
        }

        String at(String relative) {
            return pointer + relative;
        }
    }

    static List<SeedStep> of(JsonNode c) {
        List<SeedStep> steps = new ArrayList<>();
        String caseId = c.path("caseId").asText();
        JsonNode round = c.path("round");
        String roundId = text(round, "roundId");
        if (round.isObject()) {
            steps.add(SeedStep.post("round.create", "/api/inspection-rounds", map(
                    "roundId", roundId, "name", text(round, "name"), "organizer", text(round, "organizer"),
                    "periodStart", text(round, "periodStart"), "periodEnd", text(round, "periodEnd"))).from("/round"));
        }
        List<Unit> units = new ArrayList<>();
        if (c.path("inspections").isArray()) {
            JsonNode list = c.path("inspections");
            for (int i = 0; i < list.size(); i++) {
                JsonNode u = list.get(i);
                String id = u.path("inspection").path("inspectionId").asText("unit" + i);
                units.add(new Unit(u, id + ":", "/inspections/" + i, caseId, false, roundId));
            }
        } else {
            units.add(new Unit(c, "", "", caseId, true, roundId));
        }
        for (Unit u : units) {
            inspection(u, steps);
            rectification(u, steps);
            regulations(u, steps);
            money(u, steps);
            notice(u, steps);
        }
        return steps;
    }

    private static void inspection(Unit u, List<SeedStep> steps) {
        JsonNode insp = u.node().path("inspection");
        String id = u.inspectionId();
        String base = "/api/inspections/" + id;
        String roundId = insp.hasNonNull("roundId") ? text(insp, "roundId") : u.roundId();
        Map<String, Object> schedule = map(
                "inspectionId", id,
                "inspectingBody", text(insp, "inspectingBody"),
                "inspectedUnit", text(insp, "inspectedUnit"),
                "mandate", text(insp, "mandate"),
                "legalBasis", insp.path("legalBasis"),
                "plannedFieldworkStart", text(insp, "plannedFieldworkStart"),
                "plannedFieldworkEnd", text(insp, "plannedFieldworkEnd"));
        // passed only when the file states them, so that the request is the same before and after the API knows them
        for (String optional : List.of("kind", "form", "level", "inspectedUnitId", "inspectingGroupId")) {
            if (insp.hasNonNull(optional)) {
                schedule.put(optional, text(insp, optional));
            }
        }
        SeedStep scheduleStep;
        if (roundId != null) {
            schedule.put("roundId", roundId);
            // the round must be readable before an inspection can name it
            scheduleStep = SeedStep.post(u.key("inspection.schedule"), "/api/inspections", schedule)
                    .awaiting("/api/inspection-rounds/" + encode(roundId));
        } else {
            scheduleStep = SeedStep.post(u.key("inspection.schedule"), "/api/inspections", schedule);
        }
        steps.add(scheduleStep.from(u.at("/inspection")));
        steps.add(SeedStep.post(u.key("inspection.fieldwork.start"), base + "/fieldwork/start",
                map("date", text(insp, "fieldworkStart"))).from(u.at("/inspection/fieldworkStart")));
        JsonNode categories = u.node().path("categories");
        for (int ci = 0; ci < categories.size(); ci++) {
            JsonNode cat = categories.get(ci);
            String cid = text(cat, "categoryId");
            String catAt = u.at("/categories/" + ci);
            steps.add(SeedStep.post(u.key("inspection.category." + cid), base + "/categories",
                    map("categoryId", cid, "title", text(cat, "title"))).from(catAt));
            JsonNode findings = cat.path("findings");
            for (int fi = 0; fi < findings.size(); fi++) {
                JsonNode f = findings.get(fi);
                steps.add(SeedStep.post(u.key("inspection.finding." + text(f, "findingId")), base + "/findings", map(
                        "findingId", text(f, "findingId"), "categoryId", cid, "title", text(f, "title"),
                        "description", text(f, "description"),
                        "manifestations", f.path("manifestations").isArray() ? f.path("manifestations") : List.of()))
                        .from(catAt + "/findings/" + fi));
            }
        }
        steps.add(SeedStep.post(u.key("inspection.fieldwork.conclude"), base + "/fieldwork/conclude",
                map("date", text(insp, "fieldworkEnd"))).from(u.at("/inspection/fieldworkEnd")));
        steps.add(SeedStep.post(u.key("inspection.feedback"), base + "/feedback",
                map("date", text(insp, "feedbackDate"))).from(u.at("/inspection/feedbackDate")));
    }

    /** The Chinese labels a case file may use for meeting kinds (the API's names are taken as they are). */
    static final Map<String, String> MEETING_KINDS = Map.of(
            "部务会", "DEPARTMENT_MEETING", "专题民主生活会", "DEMOCRATIC_LIFE_MEETING", "专题研究会", "SPECIAL_STUDY_MEETING",
            "整改工作领导小组会议", "LEADING_GROUP_MEETING", "党组（党委）会议", "PARTY_COMMITTEE_MEETING",
            "学习研讨会", "STUDY_SESSION", "整改动员部署会", "MOBILISATION_MEETING", "其他会议", "OTHER",
            "组织生活会", "ORGANISATIONAL_LIFE_MEETING", "专题党课", "PARTY_LECTURE");

    private static void rectification(Unit u, List<SeedStep> steps) {
        JsonNode c = u.node();
        String base = "/api/rectifications/" + u.inspectionId();
        JsonNode group = c.path("leadershipGroup");
        // the rectification context opens the ledger by itself once feedback is delivered: wait for it
        steps.add(SeedStep.put(u.key("rectification.office"), base + "/office", map(
                "name", group.path("officeName").asText("整改工作领导小组办公室"), "hostDepartment", text(group, "office")))
                .awaiting(base).from(u.at("/leadershipGroup")));
        JsonNode members = group.path("members");
        for (int i = 0; i < members.size(); i++) {
            JsonNode m = members.get(i);
            steps.add(SeedStep.post(u.key("rectification.member." + text(m, "memberId")), base + "/group/members", map(
                    "memberId", text(m, "memberId"), "name", text(m, "name"), "position", text(m, "position"),
                    "role", text(m, "role"), "date", text(group, "appointedOn"))).from(u.at("/leadershipGroup/members/" + i)));
        }
        String defaultLeader = defaultResponsibleLeader(members);
        forEachItem(u, (item, at) -> {
            String itemId = text(item, "itemId");
            String leader = item.hasNonNull("responsibleLeaderId") ? text(item, "responsibleLeaderId") : defaultLeader;
            Map<String, Object> body = map(
                    "itemId", itemId, "findingIds", item.path("findingIds"), "title", text(item, "title"),
                    "kind", text(item, "kind"), "dueDate", text(item, "dueDate"),
                    "responsibleLeaderId", leader, "responsibleDepartment", text(item, "responsibleDepartment"));
            if (item.hasNonNull("handler")) {
                body.put("handler", text(item, "handler"));
            }
            steps.add(SeedStep.post(u.key("rectification.item." + itemId), base + "/items", body).from(at));
            JsonNode measures = item.path("measures");
            for (int i = 0; i < measures.size(); i++) {
                JsonNode measure = measures.get(i);
                String measureId = measureId(itemId, measure);
                steps.add(SeedStep.post(u.key("rectification.measure." + measureId), base + "/items/" + itemId + "/measures",
                        map("measureId", measureId, "text", text(measure, "text"))).from(at + "/measures/" + i));
            }
        });
        JsonNode plan = c.path("plan");
        steps.add(SeedStep.post(u.key("rectification.plan.adoption"), base + "/plan/adoption", map(
                "title", text(plan, "title"), "documentNumber", text(plan, "documentNumber"), "date", text(plan, "adoptedOn")))
                .from(u.at("/plan")));
        JsonNode meetings = c.path("meetings");
        for (int i = 0; i < meetings.size(); i++) {
            JsonNode m = meetings.get(i);
            List<Map<String, Object>> claims = new ArrayList<>();
            m.path("claims").forEach(cl -> {
                Map<String, Object> claim = map("leaderName", text(cl, "leader"), "problem", text(cl, "problem"));
                if (cl.hasNonNull("memberId")) {
                    claim.put("memberId", text(cl, "memberId"));
                }
                if (cl.path("findingIds").isArray()) {
                    claim.put("findingIds", cl.path("findingIds"));
                }
                claims.add(claim);
            });
            String kind = text(m, "kind");
            Map<String, Object> body = map(
                    "meetingId", text(m, "meetingId"), "kind", MEETING_KINDS.getOrDefault(kind, kind),
                    "date", text(m, "date"), "title", text(m, "title"), "attendees", m.path("attendees"), "claims", claims);
            if (m.hasNonNull("summary")) {
                body.put("summary", text(m, "summary"));
            }
            steps.add(SeedStep.post(u.key("rectification.meeting." + text(m, "meetingId")), base + "/meetings", body)
                    .from(u.at("/meetings/" + i)));
        }
        forEachItem(u, (item, at) -> {
            JsonNode extensions = item.path("extensions");
            for (int i = 0; i < extensions.size(); i++) {
                JsonNode e = extensions.get(i);
                steps.add(SeedStep.post(u.key("rectification.extension." + text(item, "itemId") + "." + (i + 1)),
                        base + "/items/" + text(item, "itemId") + "/extensions", map(
                                "newDueDate", text(e, "newDueDate"), "date", text(e, "date"), "reason", text(e, "reason"),
                                "approver", text(e, "approver"))).from(at + "/extensions/" + i));
            }
        });
        forEachItem(u, (item, at) -> progress(u, base, item, at, steps));
        JsonNode outcomes = c.path("accountability");
        for (int i = 0; i < outcomes.size(); i++) {
            JsonNode a = outcomes.get(i);
            Map<String, Object> body = map("outcomeId", text(a, "outcomeId"), "kind", text(a, "kind"), "date", text(a, "date"));
            if (a.hasNonNull("count")) {
                body.put("count", a.path("count").asInt());
            }
            for (String list : List.of("persons", "findingIds")) {
                if (a.path(list).isArray()) {
                    body.put(list, a.path(list));
                }
            }
            if (a.hasNonNull("description")) {
                body.put("description", text(a, "description"));
            }
            if (a.path("personsNotCounted").asBoolean(false)) {
                body.put("personsNotCounted", true);
            }
            steps.add(SeedStep.post(u.key("rectification.accountability." + text(a, "outcomeId")), base + "/accountability", body)
                    .from(u.at("/accountability/" + i)));
        }
        JsonNode metrics = c.path("processMetrics");
        for (int i = 0; i < metrics.size(); i++) {
            JsonNode m = metrics.get(i);
            Map<String, Object> body = map("metricId", text(m, "metricId"), "kind", text(m, "kind"),
                    "count", m.path("count").asInt(), "date", text(m, "date"));
            if (m.hasNonNull("meetingKind")) {
                body.put("meetingKind", MEETING_KINDS.getOrDefault(text(m, "meetingKind"), text(m, "meetingKind")));
            }
            if (m.hasNonNull("description")) {
                body.put("description", text(m, "description"));
            }
            steps.add(SeedStep.post(u.key("rectification.metric." + text(m, "metricId")), base + "/process-metrics", body)
                    .from(u.at("/processMetrics/" + i)));
        }
    }

    /** Responsibility of an item that names none: the first deputy, else the executive deputy, else the leader. */
    private static String defaultResponsibleLeader(JsonNode members) {
        for (String role : List.of("DEPUTY", "EXECUTIVE_DEPUTY", "LEADER")) {
            for (JsonNode m : members) {
                if (role.equals(text(m, "role"))) {
                    return text(m, "memberId");
                }
            }
        }
        return null;
    }

    /**
     * Progress in whatever status the item stands: each measure that has a status (its own, or by default the
     * item's; a not-started item records none) is recorded with its evidence, the last one carrying the item's
     * status; then a completed item is closed off (销号), unless the file says it is not.
     */
    private static void progress(Unit u, String base, JsonNode item, String at, List<SeedStep> steps) {
        String itemId = text(item, "itemId");
        String itemStatus = item.path("status").asText("NOT_STARTED");
        String date = statusDate(item);
        JsonNode measures = item.path("measures");
        List<Integer> recorded = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            if (measureStatus(itemStatus, measures.get(i)) != null) {
                recorded.add(i);
            }
        }
        for (int r = 0; r < recorded.size(); r++) {
            int i = recorded.get(r);
            JsonNode measure = measures.get(i);
            String measureId = measureId(itemId, measure);
            String measureDate = measure.hasNonNull("date") ? text(measure, "date") : date;
            List<Map<String, Object>> evidence = new ArrayList<>();
            evidence.add(map("evidenceId", measureId + "-e0", "kind", "TEXT", "description", text(measure, "text")));
            int n = 1;
            for (JsonNode e : measure.path("evidence")) {
                Map<String, Object> one = evidence(measureId + "-e" + n++, e, measureDate);
                if (one != null) {
                    evidence.add(one);
                }
            }
            boolean last = r == recorded.size() - 1;
            String statusAfter = last || "NOT_STARTED".equals(itemStatus) ? itemStatus : "IN_PROGRESS";
            steps.add(SeedStep.post(u.key("rectification.progress." + measureId), base + "/items/" + itemId + "/progress", map(
                    "progressId", measureId + "-p", "measureId", measureId, "date", measureDate,
                    "status", measureStatus(itemStatus, measure), "itemStatus", statusAfter,
                    "text", text(measure, "text"), "evidence", evidence)).from(at + "/measures/" + i));
        }
        if (closedOff(item)) {
            String closedOn = item.hasNonNull("closedOffOn") ? text(item, "closedOffOn") : date;
            steps.add(SeedStep.post(u.key("rectification.closeoff.request." + itemId), base + "/items/" + itemId + "/close-off/request",
                    map("date", closedOn, "summary", "整改措施已全部落实，申请销号")).from(at));
            steps.add(SeedStep.post(u.key("rectification.closeoff.approval." + itemId), base + "/items/" + itemId + "/close-off/approval",
                    map("date", closedOn, "comment", "经审核，同意销号")).from(at));
        }
    }

    /** The status a measure's progress records, or null when nothing is recorded for it (a not-started item). */
    static String measureStatus(String itemStatus, JsonNode measure) {
        if (measure.hasNonNull("status")) {
            return text(measure, "status");
        }
        return "NOT_STARTED".equals(itemStatus) ? null : itemStatus;
    }

    /** The date an item reached its status: {@code statusDate}, else {@code completedOn}. */
    static String statusDate(JsonNode item) {
        return item.hasNonNull("statusDate") ? text(item, "statusDate") : text(item, "completedOn");
    }

    /** Whether the item is closed off: as the file says, by default when it is completed. */
    static boolean closedOff(JsonNode item) {
        return item.has("closedOff") ? item.path("closedOff").asBoolean() : "COMPLETED".equals(text(item, "status"));
    }

    static String measureId(String itemId, JsonNode measure) {
        return itemId + "-m" + measure.path("ordinal").asInt();
    }

    private static Map<String, Object> evidence(String evidenceId, JsonNode e, String date) {
        return switch (String.valueOf(text(e, "type"))) {
            case "TEXT" -> map("evidenceId", evidenceId, "kind", "TEXT", "description", text(e, "description"));
            case "DOCUMENT" -> map("evidenceId", evidenceId, "kind", "DOCUMENT",
                    "document", map("title", text(e, "title"), "number", text(e, "number"), "date", text(e, "date")));
            case "MEETING" -> map("evidenceId", evidenceId, "kind", "MEETING",
                    "meeting", map("title", text(e, "title"), "date", e.hasNonNull("date") ? text(e, "date") : date));
            case "ORGANISATION" -> map("evidenceId", evidenceId, "kind", "ORGANISATION",
                    "organisation", map("name", text(e, "name"), "date", text(e, "date")));
            case "FIGURE" -> map("evidenceId", evidenceId, "kind", "FIGURE",
                    "figure", map("metric", text(e, "metric"), "value", text(e, "value"), "unit", text(e, "unit"),
                            "asOf", e.hasNonNull("date") ? text(e, "date") : date));
            default -> null; // refused by the schema before anything is sent
        };
    }

    /** The kind the case file states for its inspection (XUNCHA when it states none, as the API defaults it). */
    private static InspectionKind kindOf(JsonNode unit) {
        String kind = unit.path("inspection").path("kind").asText("");
        return kind.isEmpty() ? InspectionKind.orDefault(null) : InspectionKind.valueOf(kind);
    }

    private static void regulations(Unit u, List<SeedStep> steps) {
        JsonNode c = u.node();
        String inspectionId = u.inspectionId();
        String unit = unitOf(u);
        String reason = c.path("regulationBackdatingReason").asText("历史案例补录");
        String word = kindOf(c).word(); // 巡视 or 巡察, as the case states its inspection
        JsonNode regulations = c.path("regulations");
        for (int i = 0; i < regulations.size(); i++) {
            JsonNode r = regulations.get(i);
            String at = u.at("/regulations/" + i);
            String id = text(r, "regulationId");
            List<Map<String, Object>> answers = new ArrayList<>();
            for (JsonNode item : r.path("answersItems")) {
                answers.add(map("inspectionId", inspectionId, "rectificationItemId", item.asText()));
            }
            List<Object> rules = new ArrayList<>();
            r.path("rules").forEach(rules::add);
            if ("REVISE".equals(text(r, "action"))) {
                steps.add(SeedStep.post(u.key("regulation." + id + ".original"), "/api/finance/regulations", map(
                        "regulationId", id, "unit", unit, "title", text(r, "title"), "area", text(r, "area"),
                        "effectiveFrom", r.path("previousVersion").path("effectiveFrom").asText(),
                        "summary", word + "前已施行的版本（补录）", "backdatingReason", reason,
                        "rules", List.of(), "answers", List.of())).from(at + "/previousVersion"));
                steps.add(SeedStep.post(u.key("regulation." + id + ".revision"), "/api/finance/regulations/" + encode(id) + "/revisions", map(
                        "effectiveFrom", text(r, "effectiveFrom"), "changeSummary", r.path("changeSummary").asText("根据" + word + "反馈意见修订"),
                        "backdatingReason", reason, "rules", rules, "answers", answers)).from(at));
            } else {
                steps.add(SeedStep.post(u.key("regulation." + id + ".enact"), "/api/finance/regulations", map(
                        "regulationId", id, "unit", unit, "title", text(r, "title"), "area", text(r, "area"),
                        "effectiveFrom", text(r, "effectiveFrom"), "summary", r.path("summary").asText(null),
                        "backdatingReason", reason, "rules", rules, "answers", answers)).from(at));
            }
        }
    }

    /** Money outcomes (追缴, 清退, 追回, 挽回), recorded in the finance context for the inspection. */
    private static void money(Unit u, List<SeedStep> steps) {
        JsonNode outcomes = u.node().path("money");
        for (int i = 0; i < outcomes.size(); i++) {
            JsonNode m = outcomes.get(i);
            Map<String, Object> body = map("outcomeId", text(m, "outcomeId"),
                    "unit", m.hasNonNull("unit") ? text(m, "unit") : unitOf(u), "kind", text(m, "kind"),
                    "amount", text(m, "amount"), "date", text(m, "date"), "inspectionId", u.inspectionId());
            for (String optional : List.of("area", "violationId", "description")) {
                if (m.hasNonNull(optional)) {
                    body.put(optional, text(m, optional));
                }
            }
            steps.add(SeedStep.post(u.key("money." + text(m, "outcomeId")), "/api/finance/money-outcomes", body)
                    .from(u.at("/money/" + i)));
        }
    }

    private static String unitOf(Unit u) {
        return u.node().path("regulationsUnit").asText(u.node().path("inspection").path("inspectedUnit").asText());
    }

    /** The notice: composed from the ledger as it now stands, narrative by the publisher, approved, published. */
    private static void notice(Unit u, List<SeedStep> steps) {
        JsonNode n = u.node().path("notice");
        if (!n.isObject()) {
            return;
        }
        String at = u.at("/notice");
        String noticeId = n.path("noticeId").asText((u.single() ? u.caseId() : u.inspectionId()) + "-notice");
        List<String> untitled = new ArrayList<>();
        forEachItem(u, (item, itemAt) -> {
            if (!item.path("numberedInNotice").asBoolean(true)) {
                untitled.add(text(item, "itemId"));
            }
        });
        Map<String, Object> settings = map("publishingUnit", text(n, "publishingUnit"), "dateWritten", text(n, "dateWritten"),
                "indexNumber", text(n, "indexNumber"), "disclosure", text(n, "disclosure"),
                "contacts", n.path("contacts").isObject() ? n.path("contacts") : null, "untitledItemIds", untitled);
        if (n.path("blocks").isObject()) {
            settings.put("blocks", n.path("blocks"));
        }
        Map<String, Object> narrative = map("title", text(n, "title"), "responsibilitySections", n.path("responsibilitySections"),
                "nextSteps", n.path("nextSteps"), "invitation", text(n, "invitation"));
        // what the API's narrative and settings know beyond these, passed as it is (the API validates it)
        n.path("narrative").fields().forEachRemaining(f -> narrative.put(f.getKey(), f.getValue()));
        n.path("settings").fields().forEachRemaining(f -> settings.put(f.getKey(), f.getValue()));
        steps.add(SeedStep.post(u.key("notice.compose"), "/api/notices", map(
                "noticeId", noticeId, "inspectionId", u.inspectionId(), "narrative", narrative, "settings", settings)).from(at));
        String path = "/api/notices/" + encode(noticeId);
        String hash = u.key("noticeContentHash").replace(':', '.');
        steps.add(SeedStep.get(u.key("notice.read"), path).awaiting(path).capturing("notice.contentHash", hash).from(at));
        steps.add(SeedStep.post(u.key("notice.approval"), path + "/approval", map("contentHash", "${" + hash + "}")).from(at));
        JsonNode window = n.path("window");
        steps.add(SeedStep.post(u.key("notice.publication"), path + "/publication", map(
                "windowStart", text(window, "start"), "windowEnd", text(window, "end"), "historical", true)).from(at + "/window"));
    }

    private interface ItemVisitor {
        void visit(JsonNode item, String pointer);
    }

    private static void forEachItem(Unit u, ItemVisitor visitor) {
        JsonNode categories = u.node().path("categories");
        for (int ci = 0; ci < categories.size(); ci++) {
            JsonNode items = categories.get(ci).path("items");
            for (int ii = 0; ii < items.size(); ii++) {
                visitor.visit(items.get(ii), u.at("/categories/" + ci + "/items/" + ii));
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
