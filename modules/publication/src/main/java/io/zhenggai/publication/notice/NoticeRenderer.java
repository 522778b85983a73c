package io.zhenggai.publication.notice;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeFacts.Category;
import io.zhenggai.api.publication.NoticeFacts.Item;
import io.zhenggai.api.publication.NoticeFacts.Measure;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.ledger.WanYuan;
import io.zhenggai.publication.notice.RenderedNotice.Section;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a notice from its document, in the layout of the published notices of the inspected units: title;
 * opening paragraph generated from the inspection facts; 一、how the leadership carried its responsibility
 * (narrative sub-sections); 二、per finding category its rectification items 1. 2. … with their measures
 * 一是、二是 … in one paragraph; 三、next steps; the invitation with the window and contact channels; the
 * publishing unit and the date written. Pure: the same document always gives the same notice.
 */
public final class NoticeRenderer {
    private NoticeRenderer() {
    }

    public static final String SECTION_THREE = "下一步工作打算";

    /** 巡视反馈问题整改落实情况 / 巡察反馈问题整改落实情况: the heading of section 二 for the inspection's kind. */
    public static String sectionTwo(InspectionKind kind) {
        return InspectionKind.orDefault(kind).feedback() + "问题整改落实情况";
    }

    public static RenderedNotice render(NoticeDocument doc) {
        if (doc.facts().ofRound()) {
            return RoundNoticeRenderer.render(doc);
        }
        NoticeFacts f = doc.facts();
        NoticeNarrative n = doc.narrative();
        NoticeSettings s = doc.settings();
        Map<String, String> values = Placeholders.values(f, s);
        NoticeNarrative.Headings headings = n.headings();
        List<Section> out = new ArrayList<>();

        out.add(new Section("title", 1, fill(n.title(), values), List.of()));
        if (doc.versionNumber() > 1) {
            out.add(new Section("correction", 0, null, List.of("（本通报为第" + doc.versionNumber() + "版，更正此前公布的版本。更正说明："
                    + (doc.correctionReason() == null ? "" : doc.correctionReason().strip()) + "）")));
        }
        String opening = n.opening() == null || n.opening().isBlank() ? opening(f) : fill(n.opening(), values).strip();
        out.add(new Section("opening", 0, null, splitParagraphs(opening)));

        // numbering 一、二、三 follows the headings that print; a section with nothing in it does not print
        int section = 0;
        List<Section> one = new ArrayList<>();
        addNarrativeSections(one, "1", n.responsibilitySections(), values);
        if (!one.isEmpty()) {
            String heading = heading(headings == null ? null : headings.responsibility(),
                    nullToEmpty(f.inspectedUnit()) + "领导班子履行" + f.kind().rectification() + "主体责任情况", values);
            if (heading != null) {
                section++;
            }
            out.add(new Section("1", heading == null ? 0 : 2, heading == null ? null : ChineseText.sectionMark(section) + heading, List.of()));
            out.addAll(one);
        }

        String summary = summary(f, s.blocks() == null ? NoticeSettings.Blocks.none() : s.blocks(),
                RateStyle.orDefault(s.rateStyle()), NoticeSettings.Vocabulary.orDefault(s.vocabulary()));
        List<Section> two = NoticeSettings.Layout.orDefault(s.layout()) == NoticeSettings.Layout.PROBLEMS
                ? problems(f, s) : items(f, s);
        if (summary != null || !two.isEmpty()) {
            String heading = heading(headings == null ? null : headings.findings(), sectionTwo(f.kind()), values);
            if (heading != null) {
                section++;
            }
            out.add(new Section("2", heading == null ? 0 : 2, heading == null ? null : ChineseText.sectionMark(section) + heading,
                    summary == null ? List.of() : List.of(summary)));
            out.addAll(two);
        }

        List<Section> three = new ArrayList<>();
        addNarrativeSections(three, "3", n.nextSteps(), values);
        if (!three.isEmpty()) {
            String heading = heading(headings == null ? null : headings.nextSteps(), SECTION_THREE, values);
            if (heading != null) {
                section++;
            }
            out.add(new Section("3", heading == null ? 0 : 2, heading == null ? null : ChineseText.sectionMark(section) + heading, List.of()));
            out.addAll(three);
        }

        addClosingAndSignature(out, doc, values);
        return new RenderedNotice(List.copyOf(out));
    }

    /** The closing paragraph (placeholders filled) and the signature: publishing unit and date written, as stated. */
    static void addClosingAndSignature(List<Section> out, NoticeDocument doc, Map<String, String> values) {
        NoticeSettings s = doc.settings();
        String closing = closing(doc, values);
        if (!closing.isEmpty()) {
            out.add(new Section("closing", 0, null, List.of(closing)));
        }
        List<String> signature = new ArrayList<>();
        if (s.publishingUnit() != null && !s.publishingUnit().isBlank()) {
            signature.add(s.publishingUnit().strip());
        }
        if (s.dateWritten() != null) {
            signature.add(ChineseText.date(s.dateWritten()));
        }
        if (!signature.isEmpty()) {
            out.add(new Section("signature", 0, null, signature));
        }
    }

    /** The heading as the unit worded it (placeholders filled), the standard one when null, none when left empty. */
    private static String heading(String worded, String standard, Map<String, String> values) {
        if (worded == null) {
            return standard;
        }
        return worded.isBlank() ? null : fill(worded, values).strip();
    }

    /** Section 二 by items: per category （一）title, its items 1. 2. … each with its measures 一是、二是 … in one paragraph. */
    private static List<Section> items(NoticeFacts f, NoticeSettings s) {
        List<Section> out = new ArrayList<>();
        Set<String> untitled = s.untitledItemIds() == null ? Set.of() : Set.copyOf(s.untitledItemIds());
        int c = 0;
        for (Category category : f.categories()) {
            c++;
            String ck = "2." + c;
            if (category.items().isEmpty()) {
                out.add(new Section(ck, 3, ChineseText.subsectionMark(c) + category.title(),
                        List.of("该方面问题的整改事项尚未列入整改方案。")));
                continue;
            }
            out.add(new Section(ck, 3, ChineseText.subsectionMark(c) + category.title(), List.of()));
            int i = 0;
            for (Item item : category.items()) {
                i++;
                String paragraph = measures(item.measures(), item, s.blocks());
                boolean showTitle = item.title() != null && !item.title().isBlank() && !untitled.contains(item.itemId());
                List<String> paragraphs = paragraph.isEmpty() ? List.of() : List.of(paragraph);
                out.add(new Section(ck + "." + i, showTitle ? 4 : 0, showTitle ? i + "." + item.title().strip() : null, paragraphs));
            }
        }
        return out;
    }

    /**
     * Section 二 by problems: per category （一）title, its problems 1. 2. … each with its manifestations (具体表现),
     * one paragraph each, then "整改情况：" and the measures 一是、二是 … of the items that answer it (an item that
     * answers several problems is written under the first of them). A problem without manifestations or measures
     * prints only its title. A problem answered only by items whose title the notice does not show
     * ({@link NoticeSettings#untitledItemIds()}) prints without a heading and takes no number; without manifestations
     * its measures then stand alone, as in the item layout. Items that answer none of the category's problems follow
     * them, as in the item layout. A category with neither problems nor items does not print.
     */
    private static List<Section> problems(NoticeFacts f, NoticeSettings s) {
        List<Section> out = new ArrayList<>();
        Set<String> untitled = s.untitledItemIds() == null ? Set.of() : Set.copyOf(s.untitledItemIds());
        Set<String> written = new java.util.HashSet<>();
        int c = 0;
        for (Category category : f.categories()) {
            if (category.findings().isEmpty() && category.items().isEmpty()) {
                continue;
            }
            c++;
            String ck = "2." + c;
            out.add(new Section(ck, 3, ChineseText.subsectionMark(c) + category.title(), List.of()));
            int number = 0;
            int key = 0;
            for (NoticeFacts.Finding finding : category.findings()) {
                List<Item> answering = category.items().stream()
                        .filter(item -> item.findingIds().contains(finding.findingId()) && written.add(item.itemId())).toList();
                boolean titled = answering.isEmpty() || !answering.stream().allMatch(item -> untitled.contains(item.itemId()));
                List<String> paragraphs = new ArrayList<>(finding.manifestations());
                List<Measure> measures = answering.stream().flatMap(item -> item.measures().stream()).toList();
                if (!measures.isEmpty()) {
                    String text = measures(measures, answering.get(answering.size() - 1), s.blocks());
                    paragraphs.add(titled || !finding.manifestations().isEmpty() ? "整改情况：" + text : text);
                }
                if (titled) {
                    number++;
                }
                key++;
                out.add(new Section(ck + "." + key, titled ? 4 : 0, titled ? number + "." + nullToEmpty(finding.title()) : null,
                        List.copyOf(paragraphs)));
            }
            for (Item item : category.items()) {
                if (!written.add(item.itemId())) {
                    continue;
                }
                String paragraph = measures(item.measures(), item, s.blocks());
                boolean titled = item.title() != null && !item.title().isBlank() && !untitled.contains(item.itemId());
                if (titled) {
                    number++;
                }
                key++;
                out.add(new Section(ck + "." + key, titled ? 4 : 0, titled ? number + "." + item.title().strip() : null,
                        paragraph.isEmpty() ? List.of() : List.of(paragraph)));
            }
        }
        return out;
    }

    /**
     * 根据区委统一部署，2023年6月8日至7月28日，区委第四巡察组对区委统战部进行了巡察。2023年9月12日，区委第四巡察组向区委统战部
     * 反馈巡察意见。根据《…》和《…》等有关规定，现将巡察整改进展情况予以公布。 Every word of the kind (进行了巡视/巡察, 反馈巡视/巡察意见,
     * 巡视/巡察整改) comes from {@link NoticeFacts#kind()}.
     */
    public static String opening(NoticeFacts f) {
        StringBuilder b = new StringBuilder();
        if (f.mandate() != null && !f.mandate().isBlank()) {
            b.append("根据").append(f.mandate().strip()).append("，");
        }
        if (f.fieldworkStart() != null) {
            b.append(ChineseText.dateRange(f.fieldworkStart(), f.fieldworkEnd())).append("，");
        }
        b.append(nullToEmpty(f.inspectingBody())).append("对").append(nullToEmpty(f.inspectedUnit())).append("进行了").append(f.kind().word()).append("。");
        if (f.feedbackDate() != null) {
            b.append(ChineseText.date(f.feedbackDate())).append("，").append(nullToEmpty(f.inspectingBody()))
                    .append("向").append(nullToEmpty(f.inspectedUnit())).append("反馈").append(f.kind().opinions()).append("。");
        }
        List<String> basis = f.legalBasis() == null ? List.of()
                : f.legalBasis().stream().filter(x -> x != null && !x.isBlank()).map(ChineseText::bookTitle).toList();
        if (!basis.isEmpty()) {
            b.append("根据").append(ChineseText.enumerate(basis)).append("等有关规定，");
        }
        b.append("现将").append(f.kind().rectification()).append("进展情况予以公布。");
        return b.toString();
    }

    static void addNarrativeSections(List<Section> out, String parent, List<NoticeNarrative.Section> sections,
                                             Map<String, String> values) {
        if (sections == null) {
            return;
        }
        int k = 0;
        for (NoticeNarrative.Section ns : sections) {
            k++;
            boolean titled = ns.title() != null && !ns.title().isBlank();
            out.add(new Section(parent + "." + k, titled ? 3 : 0,
                    titled ? ChineseText.subsectionMark(k) + fill(ns.title(), values).strip() : null,
                    splitParagraphs(fill(ns.text(), values))));
        }
    }

    /** 一是……二是……, in one paragraph; a single measure is written without 一是. */
    private static String measures(List<Measure> list, Item item, NoticeSettings.Blocks blocks) {
        boolean progress = blocks != null && blocks.progress();
        StringBuilder b = new StringBuilder();
        int m = 0;
        for (Measure measure : list) {
            m++;
            if (list.size() > 1) {
                b.append(ChineseText.measureMark(m));
            }
            b.append(measure.text().strip());
            if (progress && measure.latestProgress() != null && !measure.latestProgress().isBlank()
                    && !measure.latestProgress().strip().equals(measure.text().strip())) {
                b.append(terminated(measure.latestProgress().strip()));
            }
        }
        if (blocks != null && blocks.itemStatus() && item.status() != null) {
            b.append("（整改进展：").append(item.closedOff() ? "已销号" : item.status().label()).append("）");
        }
        return b.toString();
    }

    private static String terminated(String text) {
        return text.endsWith("。") || text.endsWith("；") || text.endsWith("！") ? text : text + "。";
    }

    /** The optional blocks computed from the facts, as one paragraph at the head of section 二 (null when none). */
    static String summary(NoticeFacts f, NoticeSettings.Blocks blocks, RateStyle rates) {
        return summary(f, blocks, rates, NoticeSettings.Vocabulary.orDefault(null));
    }

    static String summary(NoticeFacts f, NoticeSettings.Blocks blocks, RateStyle rates, NoticeSettings.Vocabulary words) {
        List<String> sentences = new ArrayList<>();
        NoticeFacts.Totals t = f.totals();
        if (blocks.totals() && t.findings() > 0) {
            // 正在整改: not done, not basically done, not found undone (in progress, not started, or without items yet)
            int underWay = t.findingsInProgress() + t.findingsNotStarted() + t.findingsWithoutItems();
            sentences.add("共反馈问题" + t.findings() + "个，已完成整改" + t.findingsCompleted() + "个，"
                    + (t.findingsBasicallyCompleted() > 0 ? "基本完成" + t.findingsBasicallyCompleted() + "个，" : "")
                    + "正在整改" + underWay + "个，"
                    + (t.findingsNotCompleted() > 0 ? "未完成" + t.findingsNotCompleted() + "个，" : "")
                    + "完成率" + rates.text(t.completionRate()) + "%；制定整改事项"
                    + t.items() + "项、整改措施" + t.measures() + "条，已完成整改事项" + t.itemsCompleted() + "项。");
        }
        if (blocks.regulations()) {
            sentences.add("健全完善制度" + f.regulations().count() + "项（制定" + f.regulations().enacted() + "项、修订"
                    + f.regulations().revised() + "项）。");
        }
        if (blocks.meetings() && !f.meetings().isEmpty()) {
            Map<MeetingKind, Long> byKind = f.meetings().stream().collect(Collectors.groupingBy(NoticeFacts.Meeting::kind,
                    () -> new EnumMap<>(MeetingKind.class), Collectors.counting()));
            sentences.add("召开" + byKind.entrySet().stream().map(e -> e.getKey().label() + e.getValue() + "次")
                    .collect(Collectors.joining("、")) + "。");
        }
        if (blocks.accountability()) {
            String formal = accountability(f, true, words);
            String criticism = accountability(f, false, words);
            if (formal != null) {
                sentences.add("问责方面，" + formal + "。");
            }
            if (criticism != null) {
                sentences.add("在专题民主生活会上，" + criticism + "。");
            }
        }
        if (blocks.money() && !f.money().isEmpty()) {
            sentences.add(f.money().stream().map(m -> m.label() + WanYuan.text(m.amount()))
                    .collect(Collectors.joining("、")) + "。");
        }
        return sentences.isEmpty() ? null : "截至目前，" + String.join("", sentences);
    }

    /**
     * The recorded accountability kinds of one group (formal handling, or criticism at the 民主生活会), in the words the
     * unit chose: "组织处理2人" when counted (a stated zero prints 0), a clause such as "对相关责任人员作出处理" when
     * stated without a number; null when the unit recorded none of the group. Counts are listed with "、"; a clause
     * stands apart with "，" (政务处分0人，对相关责任人员作出组织处理，移交纪委监委1人).
     */
    static String accountability(NoticeFacts f, boolean formal, NoticeSettings.Vocabulary words) {
        return accountabilityList(f.accountability().stream().filter(a -> a.kind().formal() == formal).toList(), words);
    }

    /** These accountability kinds in the unit's words, by kind: counts with "、", a clause without a number with "，". */
    static String accountabilityList(List<NoticeFacts.AccountabilityCount> recorded, NoticeSettings.Vocabulary words) {
        List<NoticeFacts.AccountabilityCount> kinds = recorded.stream()
                .sorted(java.util.Comparator.comparing(NoticeFacts.AccountabilityCount::kind)).toList();
        StringBuilder b = new StringBuilder();
        NoticeFacts.AccountabilityCount previous = null;
        for (NoticeFacts.AccountabilityCount a : kinds) {
            if (previous != null) {
                b.append(previous.uncounted() || a.uncounted() ? "，" : "、");
            }
            b.append(a.uncounted() ? a.kind().uncountedPhrase(words.label(a.kind()))
                    : words.label(a.kind()) + a.count() + words.personUnit().label());
            previous = a;
        }
        return kinds.isEmpty() ? null : b.toString();
    }

    /** The invitation, the window and the contact channels, in one paragraph as the seed notice has them. */
    static String closing(NoticeDocument doc, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        String invitation = fill(doc.narrative().invitation(), values);
        if (invitation != null && !invitation.isBlank()) {
            b.append(invitation.strip());
        }
        if (doc.windowStart() != null && doc.windowEnd() != null) {
            b.append("公开期限：").append(ChineseText.date(doc.windowStart())).append("至")
                    .append(ChineseText.date(doc.windowEnd())).append("。");
        }
        String contacts = contacts(doc.settings().contacts());
        if (contacts != null) {
            b.append(contacts);
        }
        return b.toString();
    }

    /** 联系方式：电话 …；邮政地址：…，邮政编码：…；电子邮箱：…。 (null without any channel). */
    public static String contacts(NoticeSettings.Contacts c) {
        if (c == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (present(c.phone())) {
            parts.add("电话 " + c.phone().strip());
        }
        if (present(c.postalAddress())) {
            parts.add("邮政地址：" + c.postalAddress().strip() + (present(c.postcode()) ? "，邮政编码：" + c.postcode().strip() : ""));
        } else if (present(c.postcode())) {
            parts.add("邮政编码：" + c.postcode().strip());
        }
        if (present(c.email())) {
            parts.add("电子邮箱：" + c.email().strip());
        }
        return parts.isEmpty() ? null : "联系方式：" + String.join("；", parts) + "。";
    }

    private static List<String> splitParagraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("\\R+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static String fill(String text, Map<String, String> values) {
        return text == null ? "" : Placeholders.fill(text, values);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
