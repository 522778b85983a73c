package io.zhenggai.app.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole case file before anything is sent: against the JSON Schema {@code seeds/case.schema.json}
 * (shipped in the jar as {@code classpath:seeds/case.schema.json}), then the references inside it that a schema
 * cannot see (ids unique, items naming findings and leaders of the same inspection, regulations naming its items).
 * Each error names the field ({@code categories[0].items[3].dueDate}) and the step it would have broken.
 */
final class SeedCaseValidator {

    static final String SCHEMA = "seeds/case.schema.json";
    private static final Locale MESSAGES = Locale.SIMPLIFIED_CHINESE;

    /**
     * One fault in a case file: the field (dotted, with indexes), its JSON pointer, the step it belongs to (null when
     * it belongs to none), why, and the value refused (when there is one).
     */
    record CaseError(String field, String pointer, String step, String message, String value) {
    }

    private final Schema schema;

    SeedCaseValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = SeedCaseValidator.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath");
            }
            this.schema = registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All faults of the file (those of the schema first, then the references); empty when it can be loaded. */
    List<CaseError> validate(JsonNode file) {
        List<String[]> faults = new ArrayList<>(); // {pointer, message, value}
        List<Error> errors = schema.validate(file, ctx -> ctx.executionConfig(c -> c.locale(MESSAGES).formatAssertionsEnabled(true)));
        for (Error e : errors) {
            faults.add(new String[]{pointer(e), message(e), value(e)});
        }
        if (errors.isEmpty()) {
            references(file, faults);
        }
        if (faults.isEmpty()) {
            return List.of();
        }
        List<SeedStep> steps = plan(file);
        Set<String> seen = new HashSet<>();
        List<CaseError> out = new ArrayList<>();
        for (String[] f : faults) {
            if (seen.add(f[0] + "\u0000" + f[1])) {
                out.add(new CaseError(field(f[0]), f[0], stepOf(f[0], steps), f[1], f.length > 2 ? f[2] : null));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ references a schema cannot check

    private static void references(JsonNode file, List<String[]> faults) {
        Set<String> inspections = new HashSet<>();
        if (file.path("inspections").isArray()) {
            for (int i = 0; i < file.path("inspections").size(); i++) {
                unit(file.path("inspections").get(i), "/inspections/" + i, inspections, faults);
            }
        } else {
            unit(file, "", inspections, faults);
        }
    }

    private static void unit(JsonNode u, String at, Set<String> inspections, List<String[]> faults) {
        unique(inspections, u.path("inspection").path("inspectionId").asText(), at + "/inspection/inspectionId", "巡视巡察编号重复", faults);
        Map<String, String> members = new HashMap<>(); // memberId → role
        JsonNode memberList = u.path("leadershipGroup").path("members");
        for (int i = 0; i < memberList.size(); i++) {
            JsonNode m = memberList.get(i);
            String id = m.path("memberId").asText();
            if (members.containsKey(id)) {
                faults.add(new String[]{at + "/leadershipGroup/members/" + i + "/memberId", "领导小组成员编号重复：" + id});
            }
            members.put(id, m.path("role").asText());
        }
        if (!members.containsValue("LEADER")) {
            faults.add(new String[]{at + "/leadershipGroup/members", "领导小组必须有组长（role LEADER），否则整改方案不能通过"});
        }
        Set<String> categories = new HashSet<>();
        Set<String> findings = new HashSet<>();
        Set<String> items = new HashSet<>();
        JsonNode cats = u.path("categories");
        for (int ci = 0; ci < cats.size(); ci++) {
            JsonNode cat = cats.get(ci);
            String catAt = at + "/categories/" + ci;
            unique(categories, cat.path("categoryId").asText(), catAt + "/categoryId", "问题类别编号重复", faults);
            for (int fi = 0; fi < cat.path("findings").size(); fi++) {
                unique(findings, cat.path("findings").get(fi).path("findingId").asText(), catAt + "/findings/" + fi + "/findingId",
                        "反馈问题编号重复", faults);
            }
        }
        for (int ci = 0; ci < cats.size(); ci++) {
            JsonNode list = cats.get(ci).path("items");
            for (int ii = 0; ii < list.size(); ii++) {
                item(list.get(ii), at + "/categories/" + ci + "/items/" + ii, findings, members, items, faults);
            }
        }
        if (items.isEmpty()) {
            faults.add(new String[]{at + "/categories", "没有整改事项，整改方案不能通过"});
        }
        Set<String> meetings = new HashSet<>();
        JsonNode meetingList = u.path("meetings");
        for (int i = 0; i < meetingList.size(); i++) {
            JsonNode m = meetingList.get(i);
            unique(meetings, m.path("meetingId").asText(), at + "/meetings/" + i + "/meetingId", "会议编号重复", faults);
            JsonNode claims = m.path("claims");
            for (int k = 0; k < claims.size(); k++) {
                String claimAt = at + "/meetings/" + i + "/claims/" + k;
                if (claims.get(k).hasNonNull("memberId") && !members.containsKey(claims.get(k).path("memberId").asText())) {
                    faults.add(new String[]{claimAt + "/memberId", "领导小组中没有该成员：" + claims.get(k).path("memberId").asText()});
                }
                known(claims.get(k).path("findingIds"), findings, claimAt + "/findingIds", "该问题不在本次反馈的问题之中", faults);
            }
        }
        Set<String> outcomes = new HashSet<>();
        JsonNode accountability = u.path("accountability");
        for (int i = 0; i < accountability.size(); i++) {
            unique(outcomes, accountability.get(i).path("outcomeId").asText(), at + "/accountability/" + i + "/outcomeId",
                    "问责记录编号重复", faults);
            known(accountability.get(i).path("findingIds"), findings, at + "/accountability/" + i + "/findingIds",
                    "该问题不在本次反馈的问题之中", faults);
        }
        Set<String> metrics = new HashSet<>();
        for (int i = 0; i < u.path("processMetrics").size(); i++) {
            unique(metrics, u.path("processMetrics").get(i).path("metricId").asText(), at + "/processMetrics/" + i + "/metricId",
                    "过程性指标记录编号重复", faults);
        }
        Set<String> money = new HashSet<>();
        for (int i = 0; i < u.path("money").size(); i++) {
            unique(money, u.path("money").get(i).path("outcomeId").asText(), at + "/money/" + i + "/outcomeId", "资金记录编号重复", faults);
        }
        Set<String> regulations = new HashSet<>();
        JsonNode regs = u.path("regulations");
        for (int i = 0; i < regs.size(); i++) {
            unique(regulations, regs.get(i).path("regulationId").asText(), at + "/regulations/" + i + "/regulationId", "制度编号重复", faults);
            known(regs.get(i).path("answersItems"), items, at + "/regulations/" + i + "/answersItems", "没有该整改事项", faults);
        }
    }

    private static void item(JsonNode item, String at, Set<String> findings, Map<String, String> members, Set<String> items,
                             List<String[]> faults) {
        unique(items, item.path("itemId").asText(), at + "/itemId", "整改事项编号重复", faults);
        known(item.path("findingIds"), findings, at + "/findingIds", "该问题不在本次反馈的问题之中", faults);
        if (item.hasNonNull("responsibleLeaderId")) {
            String leader = item.path("responsibleLeaderId").asText();
            String role = members.get(leader);
            if (role == null) {
                faults.add(new String[]{at + "/responsibleLeaderId", "领导小组中没有该成员：" + leader});
            } else if ("MEMBER".equals(role)) {
                faults.add(new String[]{at + "/responsibleLeaderId", "责任领导须由组长、常务副组长或副组长担任：" + leader});
            }
        } else if (!members.containsValue("DEPUTY") && !members.containsValue("EXECUTIVE_DEPUTY") && !members.containsValue("LEADER")) {
            faults.add(new String[]{at + "/responsibleLeaderId", "未指定责任领导，领导小组中也没有可担任责任领导的组长或副组长"});
        }
        Set<Integer> ordinals = new HashSet<>();
        String status = item.path("status").asText();
        JsonNode measures = item.path("measures");
        for (int i = 0; i < measures.size(); i++) {
            JsonNode m = measures.get(i);
            if (!ordinals.add(m.path("ordinal").asInt())) {
                faults.add(new String[]{at + "/measures/" + i + "/ordinal", "整改措施序号重复：" + m.path("ordinal").asInt()});
            }
            if (SeedPlan.measureStatus(status, m) == null && m.path("evidence").size() > 0) {
                faults.add(new String[]{at + "/measures/" + i + "/evidence",
                        "整改事项未启动、该措施没有状态，佐证材料无法记录：请给出措施的 status"});
            }
        }
    }

    private static void unique(Set<String> seen, String id, String pointer, String message, List<String[]> faults) {
        if (!seen.add(id)) {
            faults.add(new String[]{pointer, message + "：" + id});
        }
    }

    private static void known(JsonNode ids, Set<String> known, String pointer, String message, List<String[]> faults) {
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i).asText())) {
                faults.add(new String[]{pointer + "/" + i, message + "：" + ids.get(i).asText()});
            }
        }
    }

    // ------------------------------------------------------------------ naming fields and steps

    /** The JSON pointer of the field at fault; for a missing or unexpected property, that property. */
    private static String pointer(Error e) {
        StringBuilder p = new StringBuilder();
        NodePath location = e.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            p.append('/').append(location.getElement(i));
        }
        String keyword = e.getKeyword();
        if (e.getProperty() != null && ("required".equals(keyword) || "additionalProperties".equals(keyword)
                || "unevaluatedProperties".equals(keyword) || "dependentRequired".equals(keyword))) {
            p.append('/').append(e.getProperty());
        }
        return p.toString();
    }

    /** The value refused, when the fault is in a value (not a missing or unexpected property) and it is short. */
    private static String value(Error e) {
        JsonNode node = e.getInstanceNode();
        if (node == null || !node.isValueNode() || "required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword())) {
            return null;
        }
        String text = node.asText();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String message(Error e) {
        String m = e.getMessage();
        return m == null ? String.valueOf(e) : m;
    }

    /** {@code /categories/0/items/3/dueDate} → {@code categories[0].items[3].dueDate}. */
    static String field(String pointer) {
        if (pointer.isEmpty()) {
            return "$";
        }
        StringBuilder f = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                f.append('[').append(part).append(']');
            } else {
                if (!f.isEmpty()) {
                    f.append('.');
                }
                f.append(part);
            }
        }
        return f.toString();
    }

    /** The step whose source is the longest prefix of the pointer (the first such step), or null. */
    static String stepOf(String pointer, List<SeedStep> steps) {
        String best = null;
        int bestLength = -1;
        for (SeedStep s : steps) {
            String src = s.source();
            if (src == null || src.isEmpty()) {
                continue;
            }
            boolean prefix = pointer.equals(src) || pointer.startsWith(src + "/");
            if (prefix && src.length() > bestLength) {
                best = s.key();
                bestLength = src.length();
            }
        }
        return best;
    }

    private static List<SeedStep> plan(JsonNode file) {
        try {
            return SeedPlan.of(file);
        } catch (RuntimeException e) {
            return List.of(); // a file too broken to plan: errors then name only the field
        }
    }
}
