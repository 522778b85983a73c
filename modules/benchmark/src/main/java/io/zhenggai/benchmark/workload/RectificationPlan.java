package io.zhenggai.benchmark.workload;

import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The scripted rectification (整改) of one delivered inspection, in the order the seed loader sends a real case
 * ({@code app/seed/SeedPlan}): the office named and the leadership group appointed, items (one per finding, some
 * serving two findings of a category) with their measures and responsibility, the plan adopted, a meeting of record,
 * progress on every measure with evidence (text, documents, meetings, figures), the last one carrying the item's
 * status, close-off requested and approved for the items that are done, accountability and process metrics. A share
 * of the items stays unfinished (in progress). One step is one command and one event; the HTTP workload sends the
 * steps, the history generator turns them into the events the aggregate would apply.
 * <p>
 * Dates follow the feedback date (the aggregate refuses business dates before it or in the future): every date lies
 * at most ~15 months after a feedback of 2023-2024.
 */
public final class RectificationPlan {

    public enum Kind {
        NAME_OFFICE, APPOINT_MEMBER, ADD_ITEM, ADD_MEASURE, ADOPT_PLAN, RECORD_MEETING, RECORD_PROGRESS, REQUEST_CLOSE_OFF,
        APPROVE_CLOSE_OFF, RECORD_ACCOUNTABILITY, RECORD_PROCESS_METRIC
    }

    /** A group member of the plan. */
    public record Member(String memberId, String name, String position, LeadershipRole role) {
    }

    /** One piece of evidence; the fields that do not apply to its kind are null. */
    public record EvidenceSpec(String evidenceId, EvidenceKind kind, String description, String title, String number,
                               LocalDate date, String meetingKind, String metric, BigDecimal value, String unit) {
    }

    /**
     * One step; fields that do not apply to its kind are null. {@code status} is the measure's status for progress
     * on a measure; {@code itemStatus} the item's status after the step (progress), {@code previousItemStatus} before.
     */
    public record Step(Kind kind, String user, LocalDate date, String itemId, String measureId, String text,
                       Member member, List<String> findingIds, ItemKind itemKind, LocalDate dueDate, Member leader,
                       String department, String handler, String progressId, ItemStatus status, ItemStatus itemStatus,
                       ItemStatus previousItemStatus, List<EvidenceSpec> evidence, List<String> evidenceIds,
                       String title, String number, MeetingKind meetingKind, AccountabilityKind accountabilityKind,
                       ProcessMetricKind metricKind, int count, String recordId) {
    }

    /** A finding delivered with the feedback: its id and category. */
    public record DeliveredFinding(String findingId, String categoryId) {
    }

    /** An item left unfinished by the plan (in progress): more progress can be recorded on it later. */
    public record OpenItem(String itemId, LocalDate lastDate) {
    }

    static final String RECTIFIER = "rectifier";
    static final String UNIT_LEADER = "unit_leader";

    private static final List<String> SURNAMES = List.of("张", "王", "李", "陈", "刘", "黄", "何", "梁", "罗", "郭", "冯", "潘");
    private static final List<String> GIVEN = List.of("伟", "敏", "静", "磊", "洋", "军", "勇", "艳", "杰", "涛", "明", "超", "华", "丽");
    private static final List<String> DEPARTMENTS = List.of("办公室", "统战科", "民族宗教科", "组织人事科", "财务室", "机关党委",
            "宣传教育科", "政策法规科");
    private static final List<String> MEASURES = List.of(
            "一是严格落实“第一议题”制度，将学习贯彻情况纳入年度考核。",
            "二是修订完善财务管理制度，规范党外人士工作经费列支科目和标准。",
            "三是建立问题整改台账，实行清单化管理、销号式推进。",
            "一是开展专项检查，全面排查岗位廉政风险点并制定防控措施。",
            "二是每月召开集中学习研讨会，在职党员结合本职工作交流发言。",
            "三是建立健全长效机制，定期开展“回头看”，防止问题反弹。",
            "一是及时建立党外干部“两个名单”，加快推进增补考察工作。",
            "二是修订公务用车管理办法，做好车辆动态排班和公开。",
            "三是组织开展网络安全宣传教育活动，将网络信息安全纳入日常管理。");
    private static final List<String> PROGRESS = List.of(
            "已召开部务会专题研究部署，明确责任分工和完成时限。",
            "已印发相关制度文件，并组织全体干部职工集中学习。",
            "已完成专项检查，发现的问题均已建立台账并逐项整改。",
            "已建立工作台账，按月调度整改进展，推动问题逐项销号。",
            "已组织开展“回头看”，巩固整改成果，形成长效机制。");
    private static final List<String> DOCUMENTS = List.of("财务管理制度", "公务接待管理办法", "公务用车管理办法", "干部档案专项审核工作方案",
            "网络信息安全管理规定", "党外干部队伍建设工作方案", "廉政风险防控手册");
    private static final List<String> METRICS = List.of("微信公众号粉丝", "开展集中学习", "审核干部档案", "排查风险点", "培训干部");
    private static final List<String> UNITS = List.of("人", "次", "卷", "个", "人次");

    public final String inspectionId;
    public final LocalDate feedbackDate;
    public final List<Member> members;
    public final List<Step> steps;
    /** Items the plan leaves unfinished, for later progress. */
    public final List<OpenItem> openItems;

    private RectificationPlan(String inspectionId, LocalDate feedbackDate, List<Member> members, List<Step> steps,
                              List<OpenItem> openItems) {
        this.inspectionId = inspectionId;
        this.feedbackDate = feedbackDate;
        this.members = members;
        this.steps = steps;
        this.openItems = openItems;
    }

    /** The rectification of {@code inspection}'s delivered findings. */
    public static RectificationPlan generate(InspectionPlan inspection, RandomGenerator r) {
        List<DeliveredFinding> findings = new ArrayList<>();
        for (InspectionPlan.Step s : inspection.steps) {
            if (s.kind() == InspectionPlan.Kind.RECORD_FINDING) {
                findings.add(new DeliveredFinding(s.findingId(), s.categoryId()));
            }
        }
        return generate(inspection.inspectionId, inspection.feedbackDate, inspection.inspectedUnit, findings, r);
    }

    public static RectificationPlan generate(String inspectionId, LocalDate feedback, String unit, List<DeliveredFinding> findings,
                                             RandomGenerator r) {
        List<Step> steps = new ArrayList<>();
        LocalDate appointed = feedback.plusDays(1 + r.nextInt(5));
        steps.add(step(Kind.NAME_OFFICE, UNIT_LEADER, null).title("整改工作领导小组办公室").department(unit + "办公室").build());
        List<Member> members = List.of(
                new Member("m1", name(r), "部长", LeadershipRole.LEADER),
                new Member("m2", name(r), "常务副部长", LeadershipRole.EXECUTIVE_DEPUTY),
                new Member("m3", name(r), "副部长", LeadershipRole.DEPUTY),
                new Member("m4", name(r), "办公室主任", LeadershipRole.MEMBER));
        for (Member m : members) {
            steps.add(step(Kind.APPOINT_MEMBER, UNIT_LEADER, appointed).member(m).build());
        }

        // items: one per finding, now and then one serving two findings of the same category
        record ItemDraft(String itemId, List<String> findingIds, ItemKind kind, LocalDate due, List<String> measureIds,
                         List<String> measureTexts) {
        }
        List<ItemDraft> items = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            List<String> served = new ArrayList<>(List.of(findings.get(i).findingId()));
            if (i + 1 < findings.size() && findings.get(i + 1).categoryId().equals(findings.get(i).categoryId()) && r.nextInt(5) == 0) {
                served.add(findings.get(++i).findingId());
            }
            String itemId = "i" + (items.size() + 1);
            int k = r.nextInt(10);
            ItemKind kind = k < 5 ? ItemKind.TIME_BOUND : k < 8 ? ItemKind.IMMEDIATE : ItemKind.ONGOING;
            LocalDate due = switch (kind) {
                case TIME_BOUND -> feedback.plusDays(60 + r.nextInt(240));
                case IMMEDIATE -> r.nextBoolean() ? feedback.plusDays(15 + r.nextInt(30)) : null;
                case ONGOING -> null;
            };
            int measureCount = 1 + r.nextInt(3);
            List<String> ids = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int m = 0; m < measureCount; m++) {
                ids.add(itemId + "-m" + (m + 1));
                texts.add(MEASURES.get(r.nextInt(MEASURES.size())));
            }
            items.add(new ItemDraft(itemId, List.copyOf(served), kind, due, ids, texts));
        }
        for (ItemDraft item : items) {
            Member leader = members.get(1 + r.nextInt(2));
            steps.add(step(Kind.ADD_ITEM, RECTIFIER, null).item(item.itemId()).findings(item.findingIds())
                    .title(TextCorpus.findingTitle(r) + "问题整改").itemKind(item.kind(), item.due())
                    .responsibility(leader, DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())), name(r)).build());
            for (int m = 0; m < item.measureIds().size(); m++) {
                steps.add(step(Kind.ADD_MEASURE, RECTIFIER, null).item(item.itemId()).measure(item.measureIds().get(m))
                        .text(item.measureTexts().get(m)).build());
            }
        }
        LocalDate adopted = appointed.plusDays(10 + r.nextInt(20));
        steps.add(step(Kind.ADOPT_PLAN, UNIT_LEADER, adopted)
                .title("关于落实巡察反馈意见的整改方案").number("统〔" + adopted.getYear() + "〕" + (1 + r.nextInt(90)) + "号").build());
        if (r.nextInt(2) == 0) {
            steps.add(step(Kind.RECORD_MEETING, RECTIFIER, adopted.plusDays(3 + r.nextInt(20)))
                    .record("mt1").meetingKind(MeetingKind.DEMOCRATIC_LIFE_MEETING).title("巡察整改专题民主生活会")
                    .findings(List.of(findings.get(0).findingId())).member(members.get(0))
                    .text("班子成员逐一对照反馈问题认领整改责任").build());
        }

        List<OpenItem> open = new ArrayList<>();
        List<Step> closeOffs = new ArrayList<>();
        for (ItemDraft item : items) {
            boolean finish = r.nextInt(100) < 75;
            ItemStatus done = item.kind() == ItemKind.ONGOING ? ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED : ItemStatus.COMPLETED;
            ItemStatus previous = ItemStatus.NOT_STARTED;
            LocalDate date = adopted.plusDays(5 + r.nextInt(60));
            for (int m = 0; m < item.measureIds().size(); m++) {
                boolean last = m == item.measureIds().size() - 1;
                ItemStatus measureStatus = finish || !last ? (done == ItemStatus.COMPLETED ? ItemStatus.COMPLETED : done)
                        : ItemStatus.IN_PROGRESS;
                ItemStatus after = last && finish ? done : ItemStatus.IN_PROGRESS;
                String measureId = item.measureIds().get(m);
                steps.add(step(Kind.RECORD_PROGRESS, RECTIFIER, date).item(item.itemId()).measure(measureId)
                        .progress(measureId + "-p", measureStatus, after, previous)
                        .text(PROGRESS.get(r.nextInt(PROGRESS.size())))
                        .evidence(evidence(measureId, date, r)).build());
                previous = after;
                date = date.plusDays(3 + r.nextInt(40));
            }
            if (finish) {
                LocalDate requested = date.plusDays(r.nextInt(10));
                closeOffs.add(step(Kind.REQUEST_CLOSE_OFF, RECTIFIER, requested).item(item.itemId())
                        .text("整改措施已全部落实，申请销号").build());
                closeOffs.add(step(Kind.APPROVE_CLOSE_OFF, UNIT_LEADER, requested.plusDays(r.nextInt(8))).item(item.itemId())
                        .text("经审核，同意销号").build());
            } else {
                open.add(new OpenItem(item.itemId(), date));
            }
        }
        steps.addAll(closeOffs);
        if (r.nextInt(3) == 0) {
            AccountabilityKind kind = List.of(AccountabilityKind.ADMONITION, AccountabilityKind.CRITICISM_EDUCATION,
                    AccountabilityKind.REMINDER_TALK).get(r.nextInt(3));
            steps.add(step(Kind.RECORD_ACCOUNTABILITY, RECTIFIER, adopted.plusDays(30 + r.nextInt(60))).record("a1")
                    .accountability(kind, 1 + r.nextInt(3)).findings(List.of(findings.get(findings.size() - 1).findingId()))
                    .text("对相关责任人员作出处理").build());
        }
        if (r.nextInt(2) == 0) {
            steps.add(step(Kind.RECORD_PROCESS_METRIC, RECTIFIER, adopted.plusDays(60 + r.nextInt(60))).record("pm1")
                    .metric(ProcessMetricKind.WORK_REMINDERS_SENT, null, 1 + r.nextInt(12)).text("发出整改工作提醒").build());
            steps.add(step(Kind.RECORD_PROCESS_METRIC, RECTIFIER, adopted.plusDays(60 + r.nextInt(60))).record("pm2")
                    .metric(ProcessMetricKind.MEETINGS_HELD, MeetingKind.ORGANISATIONAL_LIFE_MEETING, 1 + r.nextInt(4))
                    .text(null).build());
        }
        return new RectificationPlan(inspectionId, feedback, members, List.copyOf(steps), List.copyOf(open));
    }

    /** Item-level progress (still in progress) on an item the plan left unfinished: a command on a stored history. */
    public static Step laterProgress(OpenItem item, String progressId, LocalDate feedback, RandomGenerator r) {
        LocalDate date = item.lastDate().plusDays(1 + r.nextInt(30));
        LocalDate latest = feedback.plusDays(480);
        if (date.isAfter(latest)) {
            date = latest;
        }
        return step(Kind.RECORD_PROGRESS, RECTIFIER, date).item(item.itemId())
                .progress(progressId, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS)
                .text(PROGRESS.get(r.nextInt(PROGRESS.size())))
                .evidence(List.of(new EvidenceSpec(progressId + "-e1", EvidenceKind.TEXT, PROGRESS.get(r.nextInt(PROGRESS.size())),
                        null, null, null, null, null, null, null)))
                .build();
    }

    private static List<EvidenceSpec> evidence(String measureId, LocalDate date, RandomGenerator r) {
        List<EvidenceSpec> list = new ArrayList<>();
        list.add(new EvidenceSpec(measureId + "-e0", EvidenceKind.TEXT, PROGRESS.get(r.nextInt(PROGRESS.size())),
                null, null, null, null, null, null, null));
        String id = measureId + "-e1";
        switch (r.nextInt(4)) {
            case 0 -> list.add(new EvidenceSpec(id, EvidenceKind.DOCUMENT, null,
                    "《" + DOCUMENTS.get(r.nextInt(DOCUMENTS.size())) + "》", "统〔" + date.getYear() + "〕" + (1 + r.nextInt(90)) + "号",
                    date.minusDays(r.nextInt(5)), null, null, null, null));
            case 1 -> list.add(new EvidenceSpec(id, EvidenceKind.MEETING, null, "部务会专题研究巡察整改工作", null,
                    date.minusDays(r.nextInt(5)), "部务会", null, null, null));
            case 2 -> list.add(new EvidenceSpec(id, EvidenceKind.FIGURE, null, null, null, date, null,
                    METRICS.get(r.nextInt(METRICS.size())), BigDecimal.valueOf(1 + r.nextInt(20_000)), UNITS.get(r.nextInt(UNITS.size()))));
            default -> {
                // text only
            }
        }
        return List.copyOf(list);
    }

    private static String name(RandomGenerator r) {
        return SURNAMES.get(r.nextInt(SURNAMES.size())) + GIVEN.get(r.nextInt(GIVEN.size()))
                + (r.nextBoolean() ? GIVEN.get(r.nextInt(GIVEN.size())) : "");
    }

    private static Builder step(Kind kind, String user, LocalDate date) {
        return new Builder(kind, user, date);
    }

    /** Fills a {@link Step} field by field (most steps use a few of its fields). */
    private static final class Builder {
        private final Kind kind;
        private final String user;
        private final LocalDate date;
        private String itemId;
        private String measureId;
        private String text;
        private Member member;
        private List<String> findingIds;
        private ItemKind itemKind;
        private LocalDate dueDate;
        private Member leader;
        private String department;
        private String handler;
        private String progressId;
        private ItemStatus status;
        private ItemStatus itemStatus;
        private ItemStatus previousItemStatus;
        private List<EvidenceSpec> evidence;
        private String title;
        private String number;
        private MeetingKind meetingKind;
        private AccountabilityKind accountabilityKind;
        private ProcessMetricKind metricKind;
        private int count;
        private String recordId;

        Builder(Kind kind, String user, LocalDate date) {
            this.kind = kind;
            this.user = user;
            this.date = date;
        }

        Builder item(String v) { itemId = v; return this; }
        Builder measure(String v) { measureId = v; return this; }
        Builder text(String v) { text = v; return this; }
        Builder member(Member v) { member = v; return this; }
        Builder findings(List<String> v) { findingIds = v; return this; }
        Builder title(String v) { title = v; return this; }
        Builder number(String v) { number = v; return this; }
        Builder department(String v) { department = v; return this; }
        Builder record(String v) { recordId = v; return this; }
        Builder meetingKind(MeetingKind v) { meetingKind = v; return this; }
        Builder evidence(List<EvidenceSpec> v) { evidence = v; return this; }

        Builder itemKind(ItemKind kind, LocalDate due) {
            itemKind = kind;
            dueDate = due;
            return this;
        }

        Builder responsibility(Member leader, String department, String handler) {
            this.leader = leader;
            this.department = department;
            this.handler = handler;
            return this;
        }

        Builder progress(String id, ItemStatus status, ItemStatus itemStatus, ItemStatus previous) {
            progressId = id;
            this.status = status;
            this.itemStatus = itemStatus;
            previousItemStatus = previous;
            return this;
        }

        Builder accountability(AccountabilityKind kind, int count) {
            accountabilityKind = kind;
            this.count = count;
            return this;
        }

        Builder metric(ProcessMetricKind kind, MeetingKind meeting, int count) {
            metricKind = kind;
            meetingKind = meeting;
            this.count = count;
            return this;
        }

        Step build() {
            return new Step(kind, user, date, itemId, measureId, text, member, findingIds, itemKind, dueDate, leader, department,
                    handler, progressId, status, itemStatus, previousItemStatus, evidence, null, title, number, meetingKind,
                    accountabilityKind, metricKind, count, recordId);
        }
    }

    /** Request bodies of the steps, as the API takes them ({@code RectificationRequests}). */
    public static Map<String, Object> evidenceBody(EvidenceSpec e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("evidenceId", e.evidenceId());
        m.put("kind", e.kind().name());
        switch (e.kind()) {
            case TEXT -> m.put("description", e.description());
            case DOCUMENT -> m.put("document", map("title", e.title(), "number", e.number(), "date", str(e.date())));
            case MEETING -> m.put("meeting", map("title", e.title(), "kind", e.meetingKind(), "date", str(e.date())));
            case FIGURE -> m.put("figure", map("metric", e.metric(), "value", e.value(), "unit", e.unit(), "asOf", str(e.date())));
            default -> throw new IllegalStateException("no such evidence in the plans: " + e.kind());
        }
        return m;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
