package io.zhenggai.publication.notice;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of what people wrote against the facts: placeholders that do not exist or have no value, and numbers
 * typed by hand where a placeholder should be and that contradict the ledger (e.g. "健全完善制度9项" when 7
 * regulations are linked) — a notice with such a number would be false, so it cannot be approved.
 */
public final class NarrativeChecks {
    private NarrativeChecks() {
    }

    /** A problem found: a stable code, the place ({@code title}, {@code responsibilitySections[0].text} …) and the rule in words. */
    public record Issue(String code, String field, String message) {
    }

    /** Hand-written counts recognised in narrative text, and the placeholder that gives the true value. */
    private static final Map<Pattern, String> COUNTED = new LinkedHashMap<>();

    static {
        COUNTED.put(Pattern.compile("制度\\s*(\\d+)\\s*[项个条部]"), "regulationCount");
        COUNTED.put(Pattern.compile("反馈问题\\s*(\\d+)\\s*[个项条]"), "findingCount");
        COUNTED.put(Pattern.compile("整改(?:事项|任务)\\s*(\\d+)\\s*[项个条]"), "itemCount");
        COUNTED.put(Pattern.compile("整改措施\\s*(\\d+)\\s*[项个条]"), "measureCount");
        COUNTED.put(Pattern.compile("完成率\\s*(\\d+(?:\\.\\d+)?)\\s*%"), "completionRate");
        COUNTED.put(Pattern.compile("(\\d+)\\s*个方面"), "categoryCount");
        COUNTED.put(Pattern.compile("(\\d+)\\s*方面\\s*\\d+\\s*项问题"), "categoryCount");
        COUNTED.put(Pattern.compile("(\\d+)\\s*项问题"), "problemCount");
        COUNTED.put(Pattern.compile("(\\d+)\\s*个具体表现"), "manifestationCount");
        COUNTED.put(Pattern.compile("(\\d+)\\s*条整改任务"), "taskCount");
        // process metrics (checked only when the unit recorded the kind): "发出工作提醒12次", "成立督导组3个", "开展现场督导20次",
        // "开展谈心谈话86人次", "召开组织生活会5次"
        COUNTED.put(Pattern.compile("工作提醒(?:函|单)?\\s*(\\d+)\\s*[次份条个]"), Placeholders.metricName(ProcessMetricKind.WORK_REMINDERS_SENT));
        COUNTED.put(Pattern.compile("督导组\\s*(\\d+)\\s*个"), Placeholders.metricName(ProcessMetricKind.SUPERVISION_GROUPS_FORMED));
        COUNTED.put(Pattern.compile("(\\d+)\\s*个(?:专项)?督导组"), Placeholders.metricName(ProcessMetricKind.SUPERVISION_GROUPS_FORMED));
        COUNTED.put(Pattern.compile("现场督导\\s*(\\d+)\\s*[次轮]"), Placeholders.metricName(ProcessMetricKind.ON_SITE_SUPERVISION_VISITS));
        COUNTED.put(Pattern.compile("谈心谈话\\s*(\\d+)\\s*(?:人次|次|人)"), Placeholders.metricName(ProcessMetricKind.TALKS_HELD));
        for (MeetingKind k : MeetingKind.values()) {
            COUNTED.put(Pattern.compile(Pattern.quote(k.label()) + "\\s*(\\d+)\\s*[次场]"), Placeholders.meetingMetricName(k));
        }
        // a round notice (checked only when the facts are a round's): "共巡察40个单位"
        COUNTED.put(Pattern.compile("(\\d+)\\s*个(?:被(?:" + InspectionKind.XUNSHI.word() + "|" + InspectionKind.XUNCHA.word()
                + "))?(?:单位|部门|党组织)"), "roundInspectionCount");
    }

    /** Placeholders that are not placeholders at all (refused when the narrative is edited). */
    public static List<Issue> unknownPlaceholders(NoticeNarrative n) {
        List<Issue> issues = new ArrayList<>();
        texts(n).forEach((field, text) -> {
            List<String> unknown = Placeholders.unknown(text);
            if (!unknown.isEmpty()) {
                issues.add(new Issue("UNKNOWN_PLACEHOLDER", field, "不存在的占位符：" + String.join("、", unknown.stream()
                        .map(u -> "{{" + u + "}}").toList()) + "（可用：" + String.join("、", Placeholders.NAMES.keySet()) + "）"));
            }
        });
        return issues;
    }

    /** What blocks approval: missing title, unit or date; placeholders without value; numbers contradicting the facts. */
    public static List<Issue> approvalIssues(NoticeFacts facts, NoticeNarrative n, NoticeSettings s) {
        List<Issue> issues = new ArrayList<>(unknownPlaceholders(n));
        if (n.title() == null || n.title().isBlank()) {
            issues.add(new Issue("TITLE_REQUIRED", "title", "通报标题不能为空"));
        }
        if (s.publishingUnit() == null || s.publishingUnit().isBlank()) {
            issues.add(new Issue("PUBLISHING_UNIT_REQUIRED", "publishingUnit", "必须写明发布机构（落款单位）"));
        }
        if (s.dateWritten() == null) {
            issues.add(new Issue("DATE_WRITTEN_REQUIRED", "dateWritten", "必须写明成文日期"));
        }
        issues.addAll(contradictions(facts, n, s));
        Map<String, String> values = Placeholders.values(facts, s);
        texts(n).forEach((field, text) -> {
            List<String> unresolved = Placeholders.unresolved(text, values.keySet());
            if (!unresolved.isEmpty()) {
                issues.add(new Issue("UNRESOLVED_PLACEHOLDER", field, "台账中尚无以下占位符的数据：" + String.join("、",
                        unresolved.stream().map(u -> "{{" + u + "}}（" + Placeholders.NAMES.get(u) + "）").toList())));
            }
        });
        return issues;
    }

    /**
     * Hand-written numbers that contradict the value of the placeholder that should stand there (a rate as the
     * notice writes it: "完成率76%" agrees with 76.47% when the notice writes whole percents).
     */
    public static List<Issue> contradictions(NoticeFacts facts, NoticeNarrative n, NoticeSettings s) {
        Map<String, String> values = Placeholders.values(facts, s);
        List<Issue> issues = new ArrayList<>();
        texts(n).forEach((field, text) -> COUNTED.forEach((pattern, placeholder) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String truth = values.get(placeholder);
                if (truth != null && !sameNumber(m.group(1), truth)) {
                    issues.add(new Issue("NUMBER_CONTRADICTS_LEDGER", field, "“" + m.group() + "”与台账不符：台账为" + truth
                            + "，请改用占位符 {{" + placeholder + "}}"));
                }
            }
        }));
        return issues;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    /** Every narrative text by its field name. */
    static Map<String, String> texts(NoticeNarrative n) {
        Map<String, String> texts = new LinkedHashMap<>();
        put(texts, "title", n.title());
        put(texts, "opening", n.opening());
        if (n.headings() != null) {
            put(texts, "headings.responsibility", n.headings().responsibility());
            put(texts, "headings.findings", n.headings().findings());
            put(texts, "headings.nextSteps", n.headings().nextSteps());
        }
        if (n.responsibilitySections() != null) {
            for (int i = 0; i < n.responsibilitySections().size(); i++) {
                put(texts, "responsibilitySections[" + i + "].title", n.responsibilitySections().get(i).title());
                put(texts, "responsibilitySections[" + i + "].text", n.responsibilitySections().get(i).text());
            }
        }
        if (n.nextSteps() != null) {
            for (int i = 0; i < n.nextSteps().size(); i++) {
                put(texts, "nextSteps[" + i + "].title", n.nextSteps().get(i).title());
                put(texts, "nextSteps[" + i + "].text", n.nextSteps().get(i).text());
            }
        }
        put(texts, "invitation", n.invitation());
        return texts;
    }

    private static void put(Map<String, String> texts, String field, String text) {
        if (text != null) {
            texts.put(field, text);
        }
    }
}
