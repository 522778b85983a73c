package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class MeetingsAndAccountabilityTest {

    private static final LocalDate MEETING_DAY = LocalDate.of(2023, 10, 20);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void recordsADemocraticLifeMeetingWhereLeadersClaimProblems() {
        ProblemClaim claim = new ProblemClaim("李部长", LEADER, "对“第一议题”学用结合抓得不紧", List.of(F1));
        fixture.given(opened(), leaderAppointed())
                .when(new RecordMeetingCommand(RID, "mt1", MeetingKind.DEMOCRATIC_LIFE_MEETING, MEETING_DAY,
                        "巡察整改专题民主生活会", List.of("李部长", "王副部长"), List.of(claim), "深入反思检查", null))
                .expectEvents(new MeetingRecordedEvent(RID, "mt1", MeetingKind.DEMOCRATIC_LIFE_MEETING, MEETING_DAY,
                        "巡察整改专题民主生活会", List.of("李部长", "王副部长"), List.of(claim), "深入反思检查"));
    }

    @Test
    void refusesAClaimOfAProblemThatWasNotDelivered() {
        fixture.given(opened())
                .when(new RecordMeetingCommand(RID, "mt1", MeetingKind.DEMOCRATIC_LIFE_MEETING, MEETING_DAY, "民主生活会",
                        List.of(), List.of(new ProblemClaim("李部长", null, "问题", List.of("f-unknown"))), null, null))
                .expectException(rule("FINDING_UNKNOWN"))
                .expectNoEvents();
    }

    @Test
    void refusesAMeetingHeldBeforeTheFeedback() {
        fixture.given(opened())
                .when(new RecordMeetingCommand(RID, "mt1", MeetingKind.DEPARTMENT_MEETING, FEEDBACK.minusDays(3), "部务会",
                        List.of(), List.of(), null, null))
                .expectException(rule("DATE_BEFORE_FEEDBACK"))
                .expectNoEvents();
    }

    @Test
    void recordsAnAccountabilityOutcomeWithThePersonsConcerned() {
        fixture.given(opened())
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.REMINDER_TALK, MEETING_DAY, null,
                        List.of("甲", "乙"), List.of(F3), "经费列支不规范", null))
                .expectEvents(new AccountabilityRecordedEvent(RID, "o1", AccountabilityKind.REMINDER_TALK, MEETING_DAY, 2,
                        List.of("甲", "乙"), List.of(F3), "经费列支不规范"));
    }

    @Test
    void recordsAZeroCountAsNoticesStateIt() {
        fixture.given(opened())
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.GOVERNMENT_SANCTION, MEETING_DAY, 0,
                        null, null, null, null))
                .expectEvents(new AccountabilityRecordedEvent(RID, "o1", AccountabilityKind.GOVERNMENT_SANCTION, MEETING_DAY,
                        0, List.of(), List.of(), null));
    }

    @Test
    void refusesACountThatContradictsThePersonsNamed() {
        fixture.given(opened())
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.ADMONITION, MEETING_DAY, 3,
                        List.of("甲"), null, null, null))
                .expectException(rule("COUNT_MISMATCH"))
                .expectNoEvents();
    }

    @Test
    void refusesAnOutcomeWithNeitherCountNorPersons() {
        fixture.given(opened())
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.ADMONITION, MEETING_DAY, null,
                        List.of(), null, null, null))
                .expectException(rule("COUNT_OR_PERSONS_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void recordsPersonsHandledWithoutACountWhenTheUnitStatesNoNumber() {
        fixture.given(opened())
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.ORGANISATIONAL_HANDLING, MEETING_DAY, null,
                        null, List.of(F3), "对相关责任人员作出处理", null, true))
                .expectEvents(new AccountabilityRecordedEvent(RID, "o1", AccountabilityKind.ORGANISATIONAL_HANDLING, MEETING_DAY,
                        0, List.of(), List.of(F3), "对相关责任人员作出处理", true));
    }

    @Test
    void refusesACountGivenWithPersonsNotCounted() {
        fixture.given(opened())
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.ORGANISATIONAL_HANDLING, MEETING_DAY, 2,
                        null, null, null, null, true))
                .expectException(rule("COUNT_WITH_PERSONS_NOT_COUNTED"))
                .expectNoEvents();
    }

    @Test
    void refusesPersonsNamedWithPersonsNotCounted() {
        fixture.given(opened())
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.ADMONITION, MEETING_DAY, null,
                        List.of("甲"), null, null, null, true))
                .expectException(rule("COUNT_WITH_PERSONS_NOT_COUNTED"))
                .expectNoEvents();
    }

    @Test
    void anOutcomeRecordedBeforePersonsNotCountedExistedStillBlocksItsIdAgain() {
        fixture.given(opened(), new AccountabilityRecordedEvent(RID, "o1", AccountabilityKind.ADMONITION, MEETING_DAY, 1,
                        List.of(), List.of(), null))
                .when(new RecordAccountabilityCommand(RID, "o1", AccountabilityKind.ADMONITION, MEETING_DAY, null,
                        null, null, null, null, true))
                .expectException(rule("OUTCOME_EXISTS"))
                .expectNoEvents();
    }
}
