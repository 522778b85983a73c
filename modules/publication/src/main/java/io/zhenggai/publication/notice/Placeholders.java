package io.zhenggai.publication.notice;

import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import io.zhenggai.ledger.ProcessMetrics;
import io.zhenggai.ledger.WanYuan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders that narrative texts may carry, e.g. {@code 制定{{planTitle}}} or {@code 健全完善制度{{regulationCount}}项}:
 * filled from the facts when the notice is rendered, so a figure in the narrative can never contradict the ledger.
 * A placeholder without a value (e.g. no plan adopted yet) stays visible as written and blocks approval.
 */
public final class Placeholders {
    private Placeholders() {
    }

    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    /** Every placeholder name, with what it stands for (shown to editors). */
    public static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        InspectionKind.Terms either = InspectionKind.eitherTerms();
        names.put("inspectedUnit", either.inspectedUnit());
        names.put("inspectingBody", either.group());
        names.put("inspectionKind", InspectionKind.XUNSHI.word() + "或" + InspectionKind.XUNCHA.word() + "（随类别）");
        names.put("inspectionOpinions", either.opinions() + "（随类别）");
        names.put("inspectionRectification", either.rectification() + "（随类别）");
        names.put("inspectionFeedback", either.feedback() + "（随类别）");
        names.put("mandate", "巡视巡察的部署依据（如“区委统一部署”）");
        names.put("legalBasis", "依据的规定（带书名号，以“和”连接）");
        names.put("fieldworkPeriod", "进驻时间（如“2023年6月8日至7月28日”）");
        names.put("fieldworkStartDate", "进驻开始日期");
        names.put("fieldworkEndDate", "进驻结束日期");
        names.put("feedbackDate", "反馈意见日期");
        names.put("planTitle", "整改方案名称（带书名号）");
        names.put("planDocumentNumber", "整改方案文号");
        names.put("planAdoptedDate", "整改方案印发日期");
        names.put("officeName", "领导小组办公室");
        names.put("officeHost", "领导小组办公室所在部门");
        names.put("groupLeader", "领导小组组长（职务）");
        names.put("regulationCount", "健全完善制度数");
        names.put("regulationEnactedCount", "制定制度数");
        names.put("regulationRevisedCount", "修订制度数");
        names.put("findingCount", "反馈问题数");
        names.put("findingCompletedCount", "已完成整改的问题数");
        names.put("findingBasicallyCompletedCount", "基本完成整改的问题数");
        names.put("findingInProgressCount", "正在整改的问题数");
        names.put("findingNotStartedCount", "尚未启动整改的问题数");
        names.put("findingNotCompletedCount", "未完成整改的问题数");
        names.put("findingWithoutItemsCount", "尚未列入整改事项的问题数");
        names.put("categoryCount", "问题方面数（N方面）");
        names.put("problemCount", "问题数（M项问题，同反馈问题数）");
        names.put("manifestationCount", "具体表现数（K个具体表现）");
        names.put("taskCount", "整改任务数（L条整改任务，同整改事项数）");
        names.put("supplementaryFindingCount", "补充问题数");
        names.put("completionRate", "完成率（%，按通报设置取整或保留两位小数）");
        names.put("itemCount", "整改事项数");
        names.put("itemCompletedCount", "已完成的整改事项数");
        names.put("itemBasicallyCompletedCount", "基本完成的整改事项数");
        names.put("itemInProgressCount", "正在推进的整改事项数");
        names.put("itemNotStartedCount", "未启动的整改事项数");
        names.put("itemNotCompletedCount", "未完成的整改事项数");
        names.put("itemCompletionRate", "整改事项完成率（%）");
        names.put("measureCount", "整改措施数");
        names.put("meetingCount", "召开会议数");
        names.put("democraticLifeMeetingCount", "专题民主生活会次数");
        names.put("departmentMeetingCount", "部务会次数");
        names.put("accountabilityTotal", "问责人次");
        names.put("moneyTotalWanYuan", "资金合计（万元）");
        for (AccountabilityKind k : AccountabilityKind.values()) {
            names.put(accountabilityName(k), k.label() + "人数（仅当单位记录了该类问责）");
        }
        for (MoneyOutcomeKind k : MoneyOutcomeKind.values()) {
            names.put(moneyName(k), k.label() + "（万元，仅当单位记录了该类资金）");
        }
        for (ProcessMetricKind k : ProcessMetricKind.values()) {
            names.put(metricName(k), k.label() + (k.countsMeetings() ? "（各类会议合计）" : "") + "数（过程性指标，仅当单位记录了该类指标）");
        }
        for (MeetingKind k : MeetingKind.values()) {
            names.put(meetingMetricName(k), "召开" + k.label() + "次数（过程性指标，仅当单位记录了该类会议）");
        }
        names.put("roundName", "轮次名称（轮次通报）");
        names.put("roundInspectionCount", "本轮被" + InspectionKind.EITHER + "单位数（轮次通报）");
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    /**
     * The value of every placeholder that has one in these facts; rates are written as {@code settings} ask
     * ({@link NoticeSettings#rateStyle()}, a whole percent when null), money in 万元 exact ({@link WanYuan}).
     */
    public static Map<String, String> values(NoticeFacts f, NoticeSettings settings) {
        RateStyle rates = RateStyle.orDefault(settings == null ? null : settings.rateStyle());
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "inspectedUnit", f.inspectedUnit());
        put(v, "inspectingBody", f.inspectingBody());
        put(v, "inspectionKind", f.kind().word());
        put(v, "inspectionOpinions", f.kind().opinions());
        put(v, "inspectionRectification", f.kind().rectification());
        put(v, "inspectionFeedback", f.kind().feedback());
        put(v, "mandate", f.mandate());
        List<String> basis = f.legalBasis() == null ? List.of()
                : f.legalBasis().stream().filter(x -> x != null && !x.isBlank()).map(ChineseText::bookTitle).toList();
        if (!basis.isEmpty()) {
            v.put("legalBasis", ChineseText.enumerate(basis));
        }
        if (f.fieldworkStart() != null) {
            v.put("fieldworkPeriod", ChineseText.dateRange(f.fieldworkStart(), f.fieldworkEnd()));
            v.put("fieldworkStartDate", ChineseText.date(f.fieldworkStart()));
        }
        if (f.fieldworkEnd() != null) {
            v.put("fieldworkEndDate", ChineseText.date(f.fieldworkEnd()));
        }
        if (f.feedbackDate() != null) {
            v.put("feedbackDate", ChineseText.date(f.feedbackDate()));
        }
        if (f.plan() != null) {
            put(v, "planTitle", ChineseText.bookTitle(f.plan().title()));
            put(v, "planDocumentNumber", f.plan().documentNumber());
            if (f.plan().adoptedDate() != null) {
                put(v, "planAdoptedDate", ChineseText.date(f.plan().adoptedDate()));
            }
        }
        if (f.office() != null) {
            put(v, "officeName", f.office().name());
            put(v, "officeHost", f.office().hostDepartment());
        }
        f.leadershipGroup().stream().filter(m -> m.role() == LeadershipRole.LEADER).findFirst()
                .ifPresent(m -> put(v, "groupLeader", m.position() != null && !m.position().isBlank() ? m.position() : m.name()));
        v.put("regulationCount", String.valueOf(f.regulations().count()));
        v.put("regulationEnactedCount", String.valueOf(f.regulations().enacted()));
        v.put("regulationRevisedCount", String.valueOf(f.regulations().revised()));
        NoticeFacts.Totals t = f.totals();
        v.put("findingCount", String.valueOf(t.findings()));
        v.put("findingCompletedCount", String.valueOf(t.findingsCompleted()));
        v.put("findingBasicallyCompletedCount", String.valueOf(t.findingsBasicallyCompleted()));
        v.put("findingInProgressCount", String.valueOf(t.findingsInProgress()));
        v.put("findingNotStartedCount", String.valueOf(t.findingsNotStarted()));
        v.put("findingNotCompletedCount", String.valueOf(t.findingsNotCompleted()));
        v.put("findingWithoutItemsCount", String.valueOf(t.findingsWithoutItems()));
        v.put("supplementaryFindingCount", String.valueOf(t.supplementaryFindings()));
        v.put("categoryCount", String.valueOf(f.categories().size()));
        v.put("problemCount", String.valueOf(t.findings()));
        v.put("manifestationCount", String.valueOf(f.categories().stream().flatMap(c -> c.findings().stream())
                .mapToInt(x -> x.manifestations().size()).sum()));
        v.put("taskCount", String.valueOf(t.items()));
        if (t.completionRate() != null) {
            v.put("completionRate", rates.text(t.completionRate()));
        }
        v.put("itemCount", String.valueOf(t.items()));
        v.put("itemCompletedCount", String.valueOf(t.itemsCompleted()));
        v.put("itemBasicallyCompletedCount", String.valueOf(t.itemsBasicallyCompleted()));
        v.put("itemInProgressCount", String.valueOf(t.itemsInProgress()));
        v.put("itemNotStartedCount", String.valueOf(t.itemsNotStarted()));
        v.put("itemNotCompletedCount", String.valueOf(t.itemsNotCompleted()));
        if (t.itemCompletionRate() != null) {
            v.put("itemCompletionRate", rates.text(t.itemCompletionRate()));
        }
        v.put("measureCount", String.valueOf(t.measures()));
        v.put("meetingCount", String.valueOf(f.meetings().size()));
        v.put("democraticLifeMeetingCount", String.valueOf(f.meetings().stream()
                .filter(m -> m.kind() == MeetingKind.DEMOCRATIC_LIFE_MEETING).count()));
        v.put("departmentMeetingCount", String.valueOf(f.meetings().stream()
                .filter(m -> m.kind() == MeetingKind.DEPARTMENT_MEETING).count()));
        v.put("accountabilityTotal", String.valueOf(f.accountability().stream().mapToInt(NoticeFacts.AccountabilityCount::count).sum()));
        v.put("moneyTotalWanYuan", WanYuan.figure(f.money().stream().map(NoticeFacts.MoneyTotal::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        // a kind the unit never recorded has no value (it is not stated); one stated without a number neither
        f.accountability().stream().filter(a -> !a.uncounted())
                .forEach(a -> v.put(accountabilityName(a.kind()), String.valueOf(a.count())));
        f.money().forEach(m -> v.put(moneyName(m.kind()), WanYuan.figure(m.amount())));
        // process metrics: the unit's, or the round's sums; only the kinds recorded (a recorded 0 is 0)
        ProcessMetrics.totalsByKind(f.metrics()).forEach((k, n) -> v.put(metricName(k), String.valueOf(n)));
        ProcessMetrics.meetingTotals(f.metrics()).forEach((k, n) -> v.put(meetingMetricName(k), String.valueOf(n)));
        if (f.ofRound()) {
            put(v, "roundName", f.round().name());
            v.put("roundInspectionCount", String.valueOf(f.round().inspections()));
        }
        return v;
    }

    /** e.g. {@code accountabilityGovernmentSanctionCount}. */
    static String accountabilityName(AccountabilityKind k) {
        return "accountability" + camel(k.name()) + "Count";
    }

    /** e.g. {@code moneyFundsRecoveredWanYuan}. */
    static String moneyName(MoneyOutcomeKind k) {
        return "money" + camel(k.name()) + "WanYuan";
    }

    /** e.g. {@code metricWorkRemindersSentCount}; {@code metricMeetingsHeldCount} is every meeting kind together. */
    static String metricName(ProcessMetricKind k) {
        return "metric" + camel(k.name()) + "Count";
    }

    /** e.g. {@code metricOrganisationalLifeMeetingCount}: meetings of that kind held, as a process metric. */
    static String meetingMetricName(MeetingKind k) {
        return "metric" + camel(k.name()) + "Count";
    }

    private static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        for (String part : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private static void put(Map<String, String> v, String name, String value) {
        if (value != null && !value.isBlank()) {
            v.put(name, value);
        }
    }

    /** Replaces the placeholders that have a value; the others stay as written. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names a text uses. */
    public static List<String> used(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Names used that are not placeholders at all. */
    public static List<String> unknown(String text) {
        return used(text).stream().filter(n -> !NAMES.containsKey(n)).distinct().toList();
    }

    /** Names used that these facts give no value for. */
    public static List<String> unresolved(String text, Set<String> known) {
        return used(text).stream().filter(n -> NAMES.containsKey(n) && !known.contains(n)).distinct().toList();
    }
}
