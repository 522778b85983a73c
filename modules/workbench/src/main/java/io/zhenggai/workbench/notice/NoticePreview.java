package io.zhenggai.workbench.notice;

import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.PublicationQueries.NoticeIssue;
import io.zhenggai.api.publication.PublicationQueries.RenderedNoticeView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preview of a notice as the compose page shows it (and its script redraws it): the rendered sections, each
 * paragraph with the consistency checker's messages about the sentence it contains, and the messages, each with
 * the field and the sentence it concerns. The rendering and the checks are the publication context's
 * ({@code RenderNoticeQuery}); this only puts each message at its sentence.
 */
public record NoticePreview(String text, List<Section> sections, List<Issue> issues) {

    public record Section(String key, int level, String heading, List<Paragraph> paragraphs) {
    }

    public record Paragraph(String text, List<String> issues) {
    }

    /** A message at the sentence it concerns ({@code sentence}: null when it concerns the field as a whole). */
    public record Issue(String code, String field, String fieldLabel, String message, String sentence) {
    }

    private static final Pattern QUOTED = Pattern.compile("“([^”]+)”");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；!?;\\n])");

    static NoticePreview of(RenderedNoticeView rendered, NoticeNarrative narrative) {
        Map<String, String> texts = texts(narrative);
        List<Issue> issues = new ArrayList<>();
        for (NoticeIssue i : rendered.issues()) {
            issues.add(new Issue(i.code(), i.field(), label(i.field()), i.message(), sentence(texts.get(i.field()), i.message())));
        }
        List<Section> sections = rendered.sections().stream().map(s -> new Section(s.key(), s.level(), s.heading(),
                s.paragraphs().stream().map(p -> new Paragraph(p, issues.stream()
                        .filter(i -> i.sentence() != null && p.contains(i.sentence().strip()))
                        .map(Issue::message).toList())).toList())).toList();
        return new NoticePreview(rendered.text(), sections, List.copyOf(issues));
    }

    /**
     * The sentence of {@code text} the message is about: the one holding the words the message quotes (“健全完善制度9项”),
     * else the one holding a placeholder the message names; null when neither is found.
     */
    static String sentence(String text, String message) {
        if (text == null || message == null) {
            return null;
        }
        List<String> needles = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            needles.add(quoted.group(1));
        }
        // the placeholders the message names, not the list of those available it may end with
        int available = message.indexOf("（可用");
        Matcher placeholder = Pattern.compile("\\{\\{[^}]+}}").matcher(available < 0 ? message : message.substring(0, available));
        while (placeholder.find()) {
            needles.add(placeholder.group());
        }
        for (String sentence : SENTENCE_END.split(text)) {
            for (String needle : needles) {
                if (sentence.contains(needle)) {
                    return sentence.strip();
                }
            }
        }
        return null;
    }

    /** The zh-CN name of a narrative field, as the compose form labels it. */
    static String label(String field) {
        if (field == null) {
            return "";
        }
        Matcher m = Pattern.compile("(responsibilitySections|nextSteps)\\[(\\d+)]\\.(title|text)").matcher(field);
        if (m.matches()) {
            String part = m.group(1).equals("nextSteps") ? "下一步工作打算" : "责任落实";
            return part + "第" + (Integer.parseInt(m.group(2)) + 1) + "段" + (m.group(3).equals("title") ? "小标题" : "正文");
        }
        return switch (field) {
            case "title" -> "通报标题";
            case "opening" -> "开头段";
            case "invitation" -> "监督邀请";
            case "publishingUnit" -> "发布机构";
            case "dateWritten" -> "成文日期";
            case "headings.responsibility", "headings.findings", "headings.nextSteps" -> "一级标题";
            default -> field;
        };
    }

    /** Every text of the narrative by the field name the checks use. */
    static Map<String, String> texts(NoticeNarrative n) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (n == null) {
            return texts;
        }
        texts.put("title", n.title());
        texts.put("opening", n.opening());
        texts.put("invitation", n.invitation());
        sections(texts, "responsibilitySections", n.responsibilitySections());
        sections(texts, "nextSteps", n.nextSteps());
        return texts;
    }

    private static void sections(Map<String, String> texts, String name, List<NoticeNarrative.Section> sections) {
        if (sections == null) {
            return;
        }
        for (int i = 0; i < sections.size(); i++) {
            texts.put(name + "[" + i + "].title", sections.get(i).title());
            texts.put(name + "[" + i + "].text", sections.get(i).text());
        }
    }
}
