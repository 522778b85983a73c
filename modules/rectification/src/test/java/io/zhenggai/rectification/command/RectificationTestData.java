package io.zhenggai.rectification.command;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The case of the seed (南海区委统战部, feedback 2023-09-12), cut down to what the rules need: two categories,
 * three findings, a leader, a deputy and a section head. "Today" is the day of the published notice, 2024-03-25.
 */
final class RectificationTestData {
    private RectificationTestData() {
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = LocalDate.of(2024, 3, 25).atTime(10, 0).atZone(ZONE).toInstant();
    static final Clock CLOCK = Clock.fixed(NOW, ZONE);
    static final LocalDate TODAY = LocalDate.of(2024, 3, 25);
    static final LocalDate FEEDBACK = LocalDate.of(2023, 9, 12);

    static final String INSPECTION = "nh-2023-4-tzb";
    static final String RID = "rect-" + INSPECTION;
    static final String F1 = "f-first-topic";
    static final String F2 = "f-united-front";
    static final String F3 = "f-finance";
    static final String LEADER = "m-head";
    static final String DEPUTY = "m-deputy";
    static final String SECTION_HEAD = "m-office";

    static AggregateTestFixture<Rectification> fixture() {
        AggregateTestFixture<Rectification> fixture = new AggregateTestFixture<>(Rectification.class);
        fixture.registerInjectableResource(CLOCK);
        // the commands' shape, checked as on the command bus (there before dispatch; here as a handler interceptor, so
        // that the fixture records the refusal as the command's result)
        fixture.registerCommandHandlerInterceptor(new BeanValidationInterceptor<>());
        return fixture;
    }

    static List<LedgerCategory> categories() {
        return List.of(
                new LedgerCategory("c1", 1, "关于贯彻新时代统一战线工作部署还有差距方面", List.of(
                        new LedgerFinding(F1, 1, "“第一议题”制度落实不到位", "学用结合不够", List.of("学习研讨流于形式")),
                        new LedgerFinding(F2, 2, "大统战工作格局不够有力", null, List.of()))),
                new LedgerCategory("c2", 2, "关于廉政风险防控不够严实方面", List.of(
                        new LedgerFinding(F3, 1, "财务管理制度不健全", null, List.of("经费列支不规范")))));
    }

    static OpenRectificationCommand open() {
        return new OpenRectificationCommand(RID, INSPECTION, "round-13-3", "区委第四巡察组", "区委统战部", "区委统一部署",
                List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), FEEDBACK,
                categories(), InspectionKind.XUNCHA, null, null);
    }

    static RectificationOpenedEvent opened() {
        return new RectificationOpenedEvent(RID, INSPECTION, "round-13-3", "区委第四巡察组", "区委统战部", "区委统一部署",
                List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), FEEDBACK,
                categories(), InspectionKind.XUNCHA, null, null);
    }

    static GroupMemberAppointedEvent leaderAppointed() {
        return new GroupMemberAppointedEvent(RID, LEADER, "李部长", "部长", LeadershipRole.LEADER, LocalDate.of(2023, 9, 15));
    }

    static GroupMemberAppointedEvent deputyAppointed() {
        return new GroupMemberAppointedEvent(RID, DEPUTY, "王副部长", "常务副部长", LeadershipRole.DEPUTY, LocalDate.of(2023, 9, 15));
    }

    static GroupMemberAppointedEvent sectionHeadAppointed() {
        return new GroupMemberAppointedEvent(RID, SECTION_HEAD, "陈主任", "办公室主任", LeadershipRole.MEMBER, LocalDate.of(2023, 9, 15));
    }

    static AppointGroupMemberCommand appointLeader() {
        return new AppointGroupMemberCommand(RID, LEADER, "李部长", "部长", LeadershipRole.LEADER, LocalDate.of(2023, 9, 15), null);
    }

    static AppointGroupMemberCommand appointDeputy() {
        return new AppointGroupMemberCommand(RID, DEPUTY, "王副部长", "常务副部长", LeadershipRole.DEPUTY, LocalDate.of(2023, 9, 15), null);
    }

    /** The draft: every finding served, each item with a measure and responsibility. Item "i3" is time-bound, due {@code due}. */
    static List<Object> draftCommands(LocalDate due) {
        return List.of(open(), appointLeader(), appointDeputy(),
                addItem("i1", List.of(F1), ItemKind.IMMEDIATE, null, "m1"),
                addItem("i2", List.of(F2), ItemKind.ONGOING, null, "m2"),
                addItem("i3", List.of(F3), ItemKind.TIME_BOUND, due, "m3"));
    }

    /** The events {@link #draftCommands} records: a fixture given these depends on no command handler. */
    static List<Object> draftEvents(LocalDate due) {
        return List.of(opened(), leaderAppointed(), deputyAppointed(),
                itemAdded("i1", 1, List.of(F1), ItemKind.IMMEDIATE, null), measureAdded("i1", "m1"),
                itemAdded("i2", 2, List.of(F2), ItemKind.ONGOING, null), measureAdded("i2", "m2"),
                itemAdded("i3", 3, List.of(F3), ItemKind.TIME_BOUND, due), measureAdded("i3", "m3"));
    }

    /** The events {@link #adoptedCommands} records (the plan adopted on 2023-10-10). */
    static List<Object> adoptedEvents(LocalDate due) {
        List<Object> events = new java.util.ArrayList<>(draftEvents(due));
        events.add(planAdopted());
        return events;
    }

    /** An item of the draft as {@link #addItem} records it: the deputy answers for it, with the office and a handler. */
    static ItemAddedEvent itemAdded(String itemId, int ordinal, List<String> findings, ItemKind kind, LocalDate due) {
        return new ItemAddedEvent(RID, itemId, ordinal, findings, "整改事项 " + itemId, kind, due, DEPUTY, "王副部长", "办公室",
                "张干事", false, null);
    }

    static MeasureAddedEvent measureAdded(String itemId, String measureId) {
        return new MeasureAddedEvent(RID, itemId, measureId, 1, "一是建立制度", false, null);
    }

    static PlanAdoptedEvent planAdopted() {
        return new PlanAdoptedEvent(RID, "关于落实区委第四巡察组巡察反馈意见的整改方案", "南统〔2023〕20号", LocalDate.of(2023, 10, 10), 3, 3);
    }

    static AddItemCommand addItem(String itemId, List<String> findings, ItemKind kind, LocalDate due, String measureId) {
        return new AddItemCommand(RID, itemId, findings, "整改事项 " + itemId, kind, due, DEPUTY, "办公室", "张干事",
                List.of(new NewMeasure(measureId, "一是建立制度")), null, null);
    }

    static AdoptPlanCommand adopt() {
        return new AdoptPlanCommand(RID, "关于落实区委第四巡察组巡察反馈意见的整改方案", "南统〔2023〕20号",
                LocalDate.of(2023, 10, 10), null);
    }

    static List<Object> adoptedCommands(LocalDate due) {
        List<Object> commands = new java.util.ArrayList<>(draftCommands(due));
        commands.add(adopt());
        return commands;
    }

    static Evidence document(String evidenceId) {
        return new Evidence(evidenceId, EvidenceKind.DOCUMENT, null,
                new Evidence.Document("区委统战部财务管理制度（修订）", "南统〔2023〕30号", LocalDate.of(2023, 11, 20)),
                null, null, null, null);
    }

    static Evidence followers(String evidenceId) {
        return new Evidence(evidenceId, EvidenceKind.FIGURE, null, null, null, null,
                new Evidence.Figure("“南海统一战线”微信公众号粉丝", new BigDecimal("14000"), "人", LocalDate.of(2024, 3, 1)), null);
    }

    static Evidence scan(String evidenceId, String sha256) {
        return new Evidence(evidenceId, EvidenceKind.FILE, "制度印发文件扫描件", null, null, null, null,
                new Evidence.File(sha256, "财务管理制度.pdf", "application/pdf", 1024));
    }

    static RecordProgressCommand progress(String progressId, String itemId, String measureId,
                                          io.zhenggai.api.rectification.ItemStatus status, LocalDate date, Evidence... evidence) {
        return new RecordProgressCommand(RID, itemId, measureId, progressId, date, status, null, "按方案推进", List.of(evidence), null);
    }

    // ---------------------------------------------------------------- events, for fixtures given events

    /** What {@link #progress} records on an item (no measure): its status moves from {@code from} to {@code status}. */
    static ProgressRecordedEvent progressed(String progressId, String itemId, io.zhenggai.api.rectification.ItemStatus status,
                                            io.zhenggai.api.rectification.ItemStatus from, LocalDate date,
                                            Evidence... evidence) {
        return new ProgressRecordedEvent(RID, progressId, itemId, null, date, null, status, from, "按方案推进",
                List.of(evidence));
    }

    /** The reference a close-off request or approval keeps of a piece of evidence. */
    static EvidenceRef ref(Evidence evidence) {
        return new EvidenceRef(evidence.evidenceId(), evidence.kind(),
                evidence.file() == null ? null : evidence.file().sha256());
    }

    static CloseOffRequestedEvent closeOffRequested(String itemId, LocalDate date, String summary, EvidenceRef... evidence) {
        return new CloseOffRequestedEvent(RID, itemId, date, summary, List.of(evidence));
    }

    static CloseOffApprovedEvent closeOffApproved(String itemId, LocalDate date, String comment, EvidenceRef... evidence) {
        return new CloseOffApprovedEvent(RID, itemId, date, comment, List.of(evidence));
    }

    static CloseOffReturnedEvent closeOffReturned(String itemId, LocalDate date, String reason) {
        return new CloseOffReturnedEvent(RID, itemId, date, reason);
    }

    /** The {@code extension}-th extension of an item first due {@code original}, from {@code from} to {@code to}. */
    static DeadlineExtendedEvent extended(String itemId, int extension, LocalDate original, LocalDate from, LocalDate to,
                                          LocalDate date) {
        return new DeadlineExtendedEvent(RID, itemId, extension, original, from, to, date, "需待财政部门新规出台后修订", "李部长");
    }

    static CarriedAsHistoryEvent carriedAsHistory(LocalDate asOf, String reason, String noticeId) {
        return new CarriedAsHistoryEvent(RID, INSPECTION, asOf, reason, noticeId);
    }

    /**
     * The adopted plan of {@link #adoptedEvents}, given as events except item i3's addition, which is given as the
     * command {@link #addItem}: a persistent deadline is scheduled by a command, never by an event, and the overdue
     * rules need i3's. "Now" is {@link #NOW}.
     */
    static TestExecutor<Rectification> adoptedWithDeadline(AggregateTestFixture<Rectification> fixture, LocalDate due) {
        return draftWithDeadline(fixture, due).andGiven(planAdopted());
    }

    /** The draft of {@link #draftEvents}, i3's addition given as the command (see {@link #adoptedWithDeadline}). */
    static TestExecutor<Rectification> draftWithDeadline(AggregateTestFixture<Rectification> fixture, LocalDate due) {
        return fixture.givenCurrentTime(NOW)
                .andGiven(opened(), leaderAppointed(), deputyAppointed(),
                        itemAdded("i1", 1, List.of(F1), ItemKind.IMMEDIATE, null), measureAdded("i1", "m1"),
                        itemAdded("i2", 2, List.of(F2), ItemKind.ONGOING, null), measureAdded("i2", "m2"))
                .andGivenCommands(addItem("i3", List.of(F3), ItemKind.TIME_BOUND, due, "m3"));
    }

    /** The events before and after, in order: a fixture's history. */
    @SafeVarargs
    static List<Object> history(List<Object> before, Object... after) {
        List<Object> events = new java.util.ArrayList<>(before);
        events.addAll(List.of(after));
        return events;
    }

    static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** Matches a {@link RuleViolationException} with the given code. */
    static Matcher<Object> rule(String code) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof RuleViolationException e && e.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rule violation " + code);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                mismatch.appendText(item instanceof RuleViolationException e ? "was " + e.code() + ": " + e.getMessage()
                        : "was " + item);
            }
        };
    }

    /** Matches a {@link JSR303ViolationException} (the command's shape refused before dispatch) naming the field. */
    static Matcher<Object> malformed(String field) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof JSR303ViolationException e
                        && e.getViolations().stream().anyMatch(v -> v.getPropertyPath().toString().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a constraint violation of " + field);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                mismatch.appendText(item instanceof JSR303ViolationException e ? "was " + e.getViolations().stream()
                        .map(v -> v.getPropertyPath().toString()).toList() : "was " + item);
            }
        };
    }
}
