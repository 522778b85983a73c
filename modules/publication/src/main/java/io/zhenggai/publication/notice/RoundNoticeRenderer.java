package io.zhenggai.publication.notice;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;
import io.zhenggai.ledger.WanYuan;
import io.zhenggai.publication.notice.RenderedNotice.Section;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a round notice (轮次整改进展情况通报, ADR 0026): one report on every unit of a round, as a committee's inspection
 * office publishes it. Title; an opening on the round; 一、the overall figures of the round (its totals, from the
 * facts: units, findings and items by status, completion rates as the notice writes rates, regulations, meetings by
 * kind, accountability, money in 万元 with the decimals recorded, process metrics), then the narrative sections;
 * 二、a short paragraph per unit; 三、next steps; the invitation, window and contacts; the signature. Every word of the
 * kind comes from the round's inspections' kind (each unit's paragraph from its own). A status, kind or block that
 * nobody recorded is not written. Pure: the same document always gives the same notice.
 */
public final class RoundNoticeRenderer {
    private RoundNoticeRenderer() {
    }

    public static RenderedNotice render(NoticeDocument doc) {
        NoticeFacts f = doc.facts();
        NoticeNarrative n = doc.narrative();
        NoticeSettings s = doc.settings();
        RateStyle rates = RateStyle.orDefault(s.rateStyle());
        Map<String, String> values = Placeholders.values(f, s);
        InspectionKind kind = f.kind();
        List<Section> out = new ArrayList<>();

        out.add(new Section("title", 1, NoticeRenderer.fill(n.title(), values), List.of()));
        if (doc.versionNumber() > 1) {
            out.add(new Section("correction", 0, null, List.of("（本通报为第" + doc.versionNumber() + "版，更正此前公布的版本。更正说明："
                    + (doc.correctionReason() == null ? "" : doc.correctionReason().strip()) + "）")));
        }
        out.add(new Section("opening", 0, null, List.of(opening(f))));

        out.add(new Section("1", 2, ChineseText.sectionMark(1) + kind.rectification() + "总体情况", List.of(figures(f, rates))));
        NoticeRenderer.addNarrativeSections(out, "1", n.responsibilitySections(), values);

        List<NoticeFacts.Unit> units = f.round().units();
        if (!units.isEmpty()) {
            out.add(new Section("2", 2, ChineseText.sectionMark(2) + "各单位整改情况", List.of()));
            int u = 0;
            for (NoticeFacts.Unit unit : units) {
                u++;
                out.add(new Section("2." + u, 3, ChineseText.subsectionMark(u) + strip(unit.inspectedUnit()),
                        List.of(unit(unit, rates))));
            }
        }
        int section = units.isEmpty() ? 1 : 2;
        if (n.nextSteps() != null && !n.nextSteps().isEmpty()) {
            section++;
            out.add(new Section(String.valueOf(section), 2, ChineseText.sectionMark(section) + NoticeRenderer.SECTION_THREE,
                    List.of()));
            NoticeRenderer.addNarrativeSections(out, String.valueOf(section), n.nextSteps(), values);
        }
        NoticeRenderer.addClosingAndSignature(out, doc, values);
        return new RenderedNotice(List.copyOf(out));
    }

    /**
     * 根据区委统一部署，2023年4月10日至6月30日，区委巡察工作领导小组开展区委2023年第一轮巡察，对40个单位进行了巡察。现将本轮巡察整改进展情况予以公布。
     */
    public static String opening(NoticeFacts f) {
        NoticeFacts.RoundFacts r = f.round();
        InspectionKind kind = f.kind();
        StringBuilder b = new StringBuilder();
        if (present(r.organizer())) {
            b.append("根据").append(r.organizer().strip()).append("统一部署，");
        }
        if (r.periodStart() != null) {
            b.append(ChineseText.dateRange(r.periodStart(), r.periodEnd())).append("，");
        }
        if (present(r.name())) {
            b.append("开展").append(r.name().strip()).append("，");
        }
        b.append("对").append(r.inspections()).append("个单位进行了").append(kind.word()).append("。");
        b.append("现将本轮").append(kind.rectification()).append("进展情况予以公布。");
        return b.toString();
    }

    /** The round's figures, one paragraph: what the round's totals state, as the notice writes rates and money. */
    public static String figures(NoticeFacts f, RateStyle rates) {
        NoticeFacts.RoundFacts r = f.round();
        NoticeFacts.Totals t = f.totals();
        List<String> sentences = new ArrayList<>();
        sentences.add("本轮共" + f.kind().word() + r.inspections() + "个单位，" + r.rectifications() + "个单位已启动整改。");
        if (t.findings() > 0) {
            int underWay = t.findingsInProgress() + t.findingsNotStarted() + t.findingsWithoutItems();
            List<String> parts = new ArrayList<>();
            parts.add("已完成整改" + t.findingsCompleted() + "个");
            count(parts, "基本完成", t.findingsBasicallyCompleted(), "个");
            count(parts, "正在整改", underWay, "个");
            count(parts, "未完成", t.findingsNotCompleted(), "个");
            sentences.add("共反馈问题" + t.findings() + "个，" + String.join("，", parts) + "，完成率" + rates.text(t.completionRate())
                    + "%。");
        }
        if (t.items() > 0) {
            List<String> parts = new ArrayList<>();
            parts.add("已完成" + t.itemsCompleted() + "项");
            count(parts, "基本完成", t.itemsBasicallyCompleted(), "项");
            count(parts, "正在推进", t.itemsInProgress(), "项");
            count(parts, "未启动", t.itemsNotStarted(), "项");
            count(parts, "未完成", t.itemsNotCompleted(), "项");
            sentences.add("制定整改事项" + t.items() + "项、整改措施" + t.measures() + "条，" + String.join("，", parts)
                    + "，整改事项完成率" + rates.text(t.itemCompletionRate()) + "%。");
        }
        if (f.regulations().count() > 0) {
            sentences.add("健全完善制度" + f.regulations().count() + "项（制定" + f.regulations().enacted() + "项、修订"
                    + f.regulations().revised() + "项）。");
        }
        if (!f.meetings().isEmpty()) {
            Map<MeetingKind, Long> byKind = f.meetings().stream().collect(Collectors.groupingBy(NoticeFacts.Meeting::kind,
                    () -> new EnumMap<>(MeetingKind.class), Collectors.counting()));
            sentences.add("召开" + byKind.entrySet().stream().map(e -> e.getKey().label() + e.getValue() + "次")
                    .collect(Collectors.joining("、")) + "。");
        }
        if (!f.accountability().isEmpty()) {
            sentences.add("问责方面，" + NoticeRenderer.accountabilityList(f.accountability(), NoticeSettings.Vocabulary.orDefault(null)) + "。");
        }
        if (!f.money().isEmpty()) {
            sentences.add(f.money().stream().map(m -> m.label() + WanYuan.text(m.amount())).collect(Collectors.joining("、")) + "。");
        }
        if (!r.processMetrics().isEmpty()) {
            sentences.add(r.processMetrics().stream().map(RoundNoticeRenderer::metric).collect(Collectors.joining("、")) + "。");
        }
        return "截至目前，" + String.join("", sentences);
    }

    /** One unit: who inspected it and when the feedback came, then its findings by status and its regulations. */
    static String unit(NoticeFacts.Unit u, RateStyle rates) {
        InspectionKind kind = InspectionKind.orDefault(u.kind());
        StringBuilder b = new StringBuilder();
        if (u.feedbackDate() == null) {
            return b.append(strip(u.inspectingBody())).append("尚未反馈").append(kind.opinions()).append("。").toString();
        }
        b.append(ChineseText.date(u.feedbackDate())).append("，").append(strip(u.inspectingBody())).append("反馈")
                .append(kind.opinions()).append("。");
        NoticeFacts.Totals t = u.totals();
        if (t.findings() > 0) {
            List<String> parts = new ArrayList<>();
            parts.add("已完成整改" + t.findingsCompleted() + "个");
            count(parts, "基本完成", t.findingsBasicallyCompleted(), "个");
            count(parts, "正在整改", t.findingsInProgress() + t.findingsNotStarted() + t.findingsWithoutItems(), "个");
            count(parts, "未完成", t.findingsNotCompleted(), "个");
            b.append("反馈问题").append(t.findings()).append("个，").append(String.join("，", parts)).append("，完成率")
                    .append(rates.text(t.completionRate())).append("%");
            if (u.regulations().count() > 0) {
                b.append("；健全完善制度").append(u.regulations().count()).append("项");
            }
            b.append("。");
        }
        return b.toString();
    }

    /** 发出工作提醒17次, 成立督导组3个, 开展现场督导8次, 召开组织生活会5次, 开展谈心谈话40人次. */
    static String metric(ProcessMetricCount m) {
        return switch (m.kind()) {
            case WORK_REMINDERS_SENT -> "发出" + m.label() + m.count() + "次";
            case SUPERVISION_GROUPS_FORMED -> "成立" + m.label() + m.count() + "个";
            case ON_SITE_SUPERVISION_VISITS -> "开展" + m.label() + m.count() + "次";
            case MEETINGS_HELD -> "召开" + m.label() + m.count() + "次";
            case TALKS_HELD -> "开展" + m.label() + m.count() + "人次";
        };
    }

    private static void count(List<String> parts, String label, int count, String unit) {
        if (count > 0) {
            parts.add(label + count + unit);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
