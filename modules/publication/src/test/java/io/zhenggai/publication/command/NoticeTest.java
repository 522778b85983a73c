package io.zhenggai.publication.command;

import io.zhenggai.platform.digest.Sha256;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationCommands.*;
import io.zhenggai.api.publication.PublicationEvents.*;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.publication.compose.NoticeFactsFolder;
import io.zhenggai.publication.notice.ContentHash;
import io.zhenggai.publication.testing.SeedCase;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;

/** The notice's workflow and immutability, with the seed case's facts. Today is 2024-03-25 in Asia/Shanghai. */
class NoticeTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2024, 3, 25);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    static final String ID = "notice-1";
    static final Instant POSITION_TIME = Instant.parse("2024-03-20T08:00:00Z");

    static SeedCase seed;
    static NoticeFacts facts;
    static NoticeNarrative narrative;
    static NoticeSettings settings;
    static String hash;

    AggregateTestFixture<Notice> fixture;

    @BeforeAll
    static void seedCase() {
        seed = SeedCase.load();
        NoticeFactsFolder folder = new NoticeFactsFolder(seed.inspectionId());
        seed.events().forEach(folder::accept);
        facts = folder.facts();
        narrative = seed.narrative();
        settings = seed.settings();
        hash = ContentHash.of(facts, narrative, settings);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notice.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerCommandHandlerInterceptor(new BeanValidationInterceptor<>());
    }

    static NoticeDraftCreatedEvent created() {
        return new NoticeDraftCreatedEvent(ID, facts.inspectionId(), 1, null, null, 1, 120, POSITION_TIME, facts, narrative,
                settings, hash);
    }

    static NoticeApprovedEvent approved() {
        return new NoticeApprovedEvent(ID, 1, hash, 120, null);
    }

    static NoticePublishedEvent published(LocalDate start, LocalDate end) {
        return new NoticePublishedEvent(ID, facts.inspectionId(), 1, null, 1, hash, 120, narrative.title(),
                settings.publishingUnit(), start, end, false, "text", Sha256.hex("text"));
    }

    /**
     * The closing deadline that publishing scheduled (events given to the fixture schedule nothing: only a command
     * handler does), put into the fixture's own deadline manager for the notice's scope, as publishing puts it there.
     */
    void givenClosingScheduled(LocalDate end) throws ReflectiveOperationException {
        java.lang.reflect.Field field = AggregateTestFixture.class.getDeclaredField("deadlineManager");
        field.setAccessible(true);
        ((org.axonframework.test.deadline.StubDeadlineManager) field.get(fixture)).schedule(
                Notice.closingInstant(end, CLOCK), Notice.WINDOW_DEADLINE, new NoticeWindowDeadline(ID, end),
                new org.axonframework.modelling.command.AggregateScopeDescriptor(Notice.class.getSimpleName(), ID));
    }

    static NoticeNarrative withInvitation(String invitation) {
        return new NoticeNarrative(narrative.title(), narrative.responsibilitySections(), narrative.nextSteps(), invitation);
    }

    static NoticeNarrative withFirstSectionText(String text) {
        List<NoticeNarrative.Section> sections = new ArrayList<>(narrative.responsibilitySections());
        sections.set(2, new NoticeNarrative.Section(sections.get(2).title(), text));
        return new NoticeNarrative(narrative.title(), sections, narrative.nextSteps(), narrative.invitation());
    }

    // ---------------------------------------------------------------- drafts

    @Test
    void composesADraftFromTheLedgerFactsAsOfAPosition() {
        fixture.givenNoPriorActivity()
                .when(new CreateNoticeDraftCommand(ID, facts.inspectionId(), 120, POSITION_TIME, facts, narrative, settings,
                        null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void refusesADraftBeforeTheFeedbackWasDelivered() {
        NoticeFacts undelivered = new NoticeFacts(facts.inspectionId(), null, facts.inspectingBody(), facts.inspectedUnit(),
                facts.mandate(), facts.legalBasis(), facts.fieldworkStart(), facts.fieldworkEnd(), null, null, null, List.of(),
                List.of(), List.of(), facts.regulations(), facts.accountability(), facts.money(), facts.totals(), facts.kind(),
                facts.form(), facts.level());
        fixture.givenNoPriorActivity()
                .when(new CreateNoticeDraftCommand(ID, facts.inspectionId(), 5, POSITION_TIME, undelivered, narrative, settings,
                        null, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("尚未反馈巡察意见"))
                .expectNoEvents();
    }

    @Test
    void refusesAPlaceholderThatDoesNotExist() {
        fixture.given(created())
                .when(new EditNoticeDraftCommand(ID, withInvitation("共有{{complaintCount}}条意见。"), settings, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("{{complaintCount}}"))
                .expectNoEvents();
    }

    @Test
    void anEditAfterApprovalVoidsTheApproval() {
        NoticeNarrative edited = withInvitation("欢迎监督。");
        fixture.given(created(), approved())
                .when(new EditNoticeDraftCommand(ID, edited, settings, null))
                .expectEvents(new NoticeDraftEditedEvent(ID, 2, edited, settings, ContentHash.of(facts, edited, settings), true))
                .expectState(n -> assertThat(n).extracting("status").isEqualTo(NoticeStatus.DRAFT));
    }

    @Test
    void anUnchangedEditRecordsNothing() {
        fixture.given(created())
                .when(new EditNoticeDraftCommand(ID, narrative, settings, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void composingAgainFromTheSamePositionRecordsNothing() {
        fixture.given(created())
                .when(new RecomposeNoticeDraftCommand(ID, 120, POSITION_TIME, facts, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- approval

    @Test
    void aUnitLeaderApprovesExactlyTheContentTheySaw() {
        fixture.given(created())
                .when(new ApproveNoticeCommand(ID, hash, "同意发布", null))
                .expectEvents(new NoticeApprovedEvent(ID, 1, hash, 120, "同意发布"));
    }

    @Test
    void refusesApprovalOfContentThatChangedMeanwhile() {
        fixture.given(created())
                .when(new ApproveNoticeCommand(ID, "0".repeat(64), null, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("CONTENT_CHANGED")))
                .expectNoEvents();
    }

    @Test
    void refusesApprovalOfANumberThatContradictsTheLedger() {
        NoticeNarrative false9 = withFirstSectionText("制定{{planTitle}}。健全完善制度9项。");
        String h = ContentHash.of(facts, false9, settings);
        fixture.given(created(), new NoticeDraftEditedEvent(ID, 2, false9, settings, h, false))
                .when(new ApproveNoticeCommand(ID, h, null, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("NOTICE_NOT_READY")
                        && r.getMessage().contains("制度9项") && r.getMessage().contains("{{regulationCount}}")))
                .expectNoEvents();
    }

    @Test
    void refusesApprovalWhileAPlaceholderHasNoValueInTheLedger() {
        NoticeFacts noPlan = new NoticeFacts(facts.inspectionId(), facts.rectificationId(), facts.inspectingBody(),
                facts.inspectedUnit(), facts.mandate(), facts.legalBasis(), facts.fieldworkStart(), facts.fieldworkEnd(),
                facts.feedbackDate(), null, facts.office(), facts.leadershipGroup(), facts.categories(), facts.meetings(),
                facts.regulations(), facts.accountability(), facts.money(), facts.totals(), facts.kind(), facts.form(),
                facts.level());
        String h = ContentHash.of(noPlan, narrative, settings);
        fixture.given(new NoticeDraftCreatedEvent(ID, facts.inspectionId(), 1, null, null, 1, 100, POSITION_TIME, noPlan,
                        narrative, settings, h))
                .when(new ApproveNoticeCommand(ID, h, null, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r
                        && r.getMessage().contains("{{planTitle}}")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- publication and window

    @Test
    void refusesToPublishANoticeThatWasNotApproved() {
        fixture.given(created())
                .when(new PublishNoticeCommand(ID, TODAY, TODAY.plusMonths(1), false, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("NOT_APPROVED")))
                .expectNoEvents();
    }

    @Test
    void publishesForAWindowWithTheFrozenTextAndSchedulesItsClosing() {
        LocalDate end = LocalDate.of(2024, 4, 25);
        fixture.given(created(), approved())
                .when(new PublishNoticeCommand(ID, TODAY, end, false, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof NoticePublishedEvent e && e.windowStart().equals(TODAY)
                                && e.windowEnd().equals(end) && !e.historical() && e.contentHash().equals(hash)
                                && e.text().contains("公开期限：2024年3月25日至2024年4月25日。")
                                && e.textSha256().equals(Sha256.hex(e.text()))),
                        Matchers.andNoMore())))
                .expectScheduledDeadline(LocalDate.of(2024, 4, 26).atStartOfDay(ZONE).toInstant(), new NoticeWindowDeadline(ID, end));
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        fixture.given(created(), approved())
                .when(new PublishNoticeCommand(ID, TODAY.plusDays(5), TODAY.plusDays(5), false, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("WINDOW_INVALID")))
                .expectNoEvents();
    }

    @Test
    void refusesAWindowInThePastUnlessTheNoticeIsHistorical() {
        fixture.given(created(), approved())
                .when(new PublishNoticeCommand(ID, TODAY.minusDays(3), TODAY.plusDays(20), false, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("WINDOW_START_IN_PAST")))
                .expectNoEvents();
    }

    @Test
    void carriesAHistoricalNoticeWhoseWindowIsOverAsClosedAtOnce() {
        LocalDate start = LocalDate.of(2023, 3, 25);
        LocalDate end = LocalDate.of(2023, 4, 25);
        fixture.given(created(), approved())
                .when(new PublishNoticeCommand(ID, start, end, true, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof NoticePublishedEvent e && e.historical()),
                        Matchers.matches(p -> p.equals(new NoticeClosedEvent(ID, end, "HISTORICAL"))),
                        Matchers.andNoMore())))
                .expectNoScheduledDeadlines();
    }

    @Test
    void closesByItselfWhenTheWindowEnds() throws Exception {
        LocalDate end = LocalDate.of(2024, 4, 25);
        var published = fixture.given(created(), approved(), published(TODAY, end));
        givenClosingScheduled(end);
        published.whenThenTimeAdvancesTo(LocalDate.of(2024, 4, 26).atStartOfDay(ZONE).toInstant())
                .expectDeadlinesMet(new NoticeWindowDeadline(ID, end))
                .expectEvents(new NoticeClosedEvent(ID, end, "WINDOW_ENDED"));
    }

    @Test
    void aPublishedNoticeCannotBeEditedOrComposedAgain() {
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)))
                .when(new EditNoticeDraftCommand(ID, withInvitation("改过的邀请。"), settings, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("NOTICE_PUBLISHED")
                        && r.kind() == RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)), new NoticeClosedEvent(ID, TODAY.plusMonths(1), "WINDOW_ENDED"))
                .when(new RecomposeNoticeDraftCommand(ID, 200, POSITION_TIME, facts, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("NOTICE_PUBLISHED")))
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsANewVersionThatNamesTheNoticeItCorrects() {
        fixture.givenNoPriorActivity()
                .when(new CreateNoticeDraftCommand("notice-2", facts.inspectionId(), 130, POSITION_TIME, facts, narrative, settings,
                        ID, 1, "更正第二部分的措施表述"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof NoticeDraftCreatedEvent e && e.versionNumber() == 2
                                && ID.equals(e.correctsNoticeId()) && e.correctionReason().equals("更正第二部分的措施表述")),
                        Matchers.andNoMore())));
    }

    @Test
    void aCorrectionIsDraftedThroughTheNoticeItCorrects() {
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)))
                .when(new CorrectNoticeCommand(ID, "notice-2", 130, POSITION_TIME, facts, " 更正第二部分的措施表述 "))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof NoticeDraftCreatedEvent e && e.noticeId().equals("notice-2")
                                && e.versionNumber() == 2 && ID.equals(e.correctsNoticeId()) && e.position() == 130
                                && e.correctionReason().equals("更正第二部分的措施表述") && e.narrative().equals(narrative)),
                        Matchers.matches(p -> p.equals(new NoticeCorrectionDraftedEvent(ID, "notice-2", 2, "更正第二部分的措施表述"))),
                        Matchers.andNoMore())));
    }

    @Test
    void aNoticeTakesOneCorrectionSoASecondOneSentAtTheSameTimeIsRefused() {
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)),
                        new NoticeCorrectionDraftedEvent(ID, "notice-2", 2, "更正第二部分的措施表述"))
                .when(new CorrectNoticeCommand(ID, "notice-3", 131, POSITION_TIME, facts, "再次更正"))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("ALREADY_CORRECTED")
                        && r.getMessage().contains("notice-2") && r.kind() == RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void onlyAPublishedNoticeCanBeCorrected() {
        fixture.given(created(), approved())
                .when(new CorrectNoticeCommand(ID, "notice-2", 130, POSITION_TIME, facts, "更正"))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r
                        && r.code().equals("NOTICE_NOT_PUBLISHED")))
                .expectNoEvents();
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)))
                .when(new CorrectNoticeCommand(ID, "notice-2", 130, POSITION_TIME, facts, " "))
                .expectException(malformed("reason"))
                .expectNoEvents();
    }

    @Test
    void withdrawalCancelsTheClosingDeadline() throws Exception {
        LocalDate end = LocalDate.of(2024, 4, 25);
        var published = fixture.given(created(), approved(), published(TODAY, end));
        givenClosingScheduled(end);
        published.when(new WithdrawNoticeCommand(ID, "内容有误，撤回重发", null))
                .expectEvents(new NoticeWithdrawnEvent(ID, NoticeStatus.PUBLISHED, "内容有误，撤回重发"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void withdrawalWithoutAReasonIsRefused() {
        fixture.given(created())
                .when(new WithdrawNoticeCommand(ID, " ", null))
                .expectException(malformed("reason"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- feedback

    @Test
    void takesFeedbackDuringTheWindow() {
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)))
                .when(new SubmitFeedbackCommand(ID, "fb-1", "  建议公开整改台账。 ", "张三", "13800000000"))
                .expectEvents(new FeedbackSubmittedEvent(ID, facts.inspectionId(), "fb-1", TODAY, "建议公开整改台账。", "张三", "13800000000"));
    }

    @Test
    void refusesFeedbackAfterTheWindowClosed() {
        LocalDate end = TODAY.minusDays(1);
        fixture.given(created(), approved(), published(TODAY.minusMonths(1), end), new NoticeClosedEvent(ID, end, "WINDOW_ENDED"))
                .when(new SubmitFeedbackCommand(ID, "fb-1", "迟到的意见", null, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r
                        && r.code().equals("FEEDBACK_WINDOW_CLOSED") && r.kind() == RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesFeedbackBeforeTheWindowStartsAndTooLongFeedback() {
        fixture.given(created(), approved(), published(TODAY.plusDays(1), TODAY.plusMonths(1)))
                .when(new SubmitFeedbackCommand(ID, "fb-1", "提前的意见", null, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("FEEDBACK_WINDOW_NOT_STARTED")))
                .expectNoEvents();
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)))
                .when(new SubmitFeedbackCommand(ID, "fb-1", "长".repeat(2001), null, null))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("FEEDBACK_TOO_LONG")))
                .expectNoEvents();
    }

    @Test
    void turnsFeedbackIntoAFindingForTheRectificationWithoutPersonalData() {
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)),
                        new FeedbackSubmittedEvent(ID, facts.inspectionId(), "fb-1", TODAY, "公务用车排班未按规定公开。", "李四", "lisi@example.org"))
                .when(new EscalateFeedbackCommand(ID, "fb-1", "公务用车动态排班公开不及时", "c2", "经核实属实"))
                .expectEvents(new FeedbackEscalatedToFindingEvent(ID, "fb-1", facts.inspectionId(), "rect-" + facts.inspectionId(),
                        "公务用车动态排班公开不及时", "公务用车排班未按规定公开。", "c2", TODAY, "经核实属实"));
    }

    @Test
    void handlesFeedbackOnceAndRefusesUnknownFeedback() {
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)),
                        new FeedbackSubmittedEvent(ID, facts.inspectionId(), "fb-1", TODAY, "意见", null, null),
                        new FeedbackAnsweredEvent(ID, "fb-1", "已答复", false))
                .when(new AnswerFeedbackCommand(ID, "fb-1", "再次答复", false))
                .expectException(Matchers.matches(e -> e instanceof RuleViolationException r && r.code().equals("FEEDBACK_ALREADY_ANSWERED")))
                .expectNoEvents();
        fixture.given(created(), approved(), published(TODAY, TODAY.plusMonths(1)))
                .when(new AcknowledgeFeedbackCommand(ID, "nope", null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    /** The command's shape refused before dispatch (ADR 0046): a constraint violation naming {@code field}. */
    static org.hamcrest.Matcher<Object> malformed(String field) {
        return Matchers.matches(e -> e instanceof JSR303ViolationException v
                && v.getViolations().stream().anyMatch(c -> c.getPropertyPath().toString().equals(field)));
    }
}
