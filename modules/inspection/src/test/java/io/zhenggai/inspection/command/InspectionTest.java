package io.zhenggai.inspection.command;

import io.zhenggai.api.inspection.InspectionCommands.*;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.hamcrest.Matchers.*;

/** Every rule of the {@link Inspection} aggregate, as given / when / then. */
class InspectionTest {

    private static final String ID = "insp-1";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2024, 3, 25);

    /** The rounds the event store holds in these tests. */
    private static final java.util.Set<String> ROUNDS = java.util.Set.of("round-3", "round-4");

    private FixtureConfiguration<Inspection> fixture;

    private final InspectionScheduledEvent scheduled = new InspectionScheduledEvent(ID, null, "区委第四巡察组", "区委统战部",
            "区委统一部署", List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28),
            InspectionKind.XUNCHA, null, null);
    private final FieldworkStartedEvent started = new FieldworkStartedEvent(ID, LocalDate.of(2023, 6, 8));
    private final FieldworkConcludedEvent concluded = new FieldworkConcludedEvent(ID, LocalDate.of(2023, 7, 28));
    private final FindingCategoryAddedEvent category = new FindingCategoryAddedEvent(ID, "c1", 1, "关于贯彻新时代统一战线工作部署还有差距方面");
    private final FindingRecordedEvent finding = new FindingRecordedEvent(ID, "f1", "c1", 1, "“第一议题”制度落实不够到位",
            "学习效果有待提升", List.of("学习研讨流于形式"));
    private final FeedbackDeliveredEvent delivered = new FeedbackDeliveredEvent(ID, null, "区委第四巡察组", "区委统战部",
            "区委统一部署", List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28),
            LocalDate.of(2023, 9, 12), List.of(new DeliveredCategory("c1", 1, category.title(),
            List.of(new DeliveredFinding("f1", 1, finding.title(), finding.description(), finding.manifestations())))),
            InspectionKind.XUNCHA, null, null);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inspection.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZONE).plusHours(12).toInstant(), ZONE));
        fixture.registerInjectableResource((RoundDirectory) ROUNDS::contains);
    }


    @Nested
    class Scheduling {
        @Test
        void schedulesAnInspection() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleInspectionCommand(ID, null, "区委第四巡察组", "区委统战部", "区委统一部署",
                            List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(scheduled);
        }

        @Test
        void recordsAXunshiWithItsFormAndLevel() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleInspectionCommand(ID, "round-4", "省委第二巡视组", "某市委", "省委统一部署", List.of(),
                            LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), InspectionKind.XUNSHI,
                            InspectionForm.THEMATIC, InspectionLevel.PROVINCIAL))
                    .expectEvents(new InspectionScheduledEvent(ID, "round-4", "省委第二巡视组", "某市委", "省委统一部署",
                            List.of(), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), InspectionKind.XUNSHI,
                            InspectionForm.THEMATIC, InspectionLevel.PROVINCIAL));
        }

        @Test
        void refusesAXunshiByACountyLevelCommittee() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleInspectionCommand(ID, null, "区委第一巡视组", "单位", null, List.of(),
                            LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), InspectionKind.XUNSHI, null,
                            InspectionLevel.COUNTY))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("不开展巡视"))
                    .expectNoEvents();
        }

        @Test
        void refusesARoundTheEventStoreDoesNotHold() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleInspectionCommand(ID, "round-9", "组", "单位", null, List.of(),
                            LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), null, null, null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void deliversTheKindOfAStreamRecordedWithoutOneAsXuncha() {
            InspectionScheduledEvent old = new InspectionScheduledEvent(ID, null, "区委第四巡察组", "区委统战部", "区委统一部署",
                    List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), null, null, null);
            fixture.given(old, started, concluded, category, finding)
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 9, 12), null))
                    .expectEvents(delivered);
        }

        @Test
        void refusesJoiningARoundTheEventStoreDoesNotHold() {
            fixture.given(scheduled)
                    .when(new JoinRoundCommand(ID, "round-9", null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAPlannedPeriodEndingBeforeItStarts() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleInspectionCommand(ID, null, "组", "单位", null, List.of(),
                            LocalDate.of(2023, 7, 28), LocalDate.of(2023, 6, 8), null, null, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(containsString("不能早于"))
                    .expectNoEvents();
        }

        @Test
        void joinsARound() {
            fixture.given(scheduled)
                    .when(new JoinRoundCommand(ID, "round-3", null))
                    .expectEvents(new InspectionJoinedRoundEvent(ID, "round-3", null))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void refusesJoiningTheSameRoundTwice() {
            fixture.given(scheduled, new InspectionJoinedRoundEvent(ID, "round-3", null))
                    .when(new JoinRoundCommand(ID, "round-3", null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Organisations {
        @Test
        void recordsTheUnitAndGroupNamedWhenScheduling() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleInspectionCommand(ID, null, "区委第四巡察组", "区委统战部", "区委统一部署",
                            List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), null, null, null,
                            "nanhai-tzb", "nanhai-group-4"))
                    .expectEvents(scheduled, new InspectionOrganisationsAssignedEvent(ID, "nanhai-tzb", "nanhai-group-4"));
        }

        @Test
        void assignsOrganisationsToAStreamScheduledWithoutThem() {
            fixture.given(scheduled, started)
                    .when(new AssignInspectionOrganisationsCommand(ID, "nanhai-tzb", "nanhai-group-4", null))
                    .expectEvents(new InspectionOrganisationsAssignedEvent(ID, "nanhai-tzb", "nanhai-group-4"));
        }

        @Test
        void aPartialAssignmentKeepsTheOtherOrganisation() {
            fixture.given(scheduled, new InspectionOrganisationsAssignedEvent(ID, "nanhai-tzb", "nanhai-group-4"))
                    .when(new AssignInspectionOrganisationsCommand(ID, null, "nanhai-group-5", null))
                    .expectEvents(new InspectionOrganisationsAssignedEvent(ID, "nanhai-tzb", "nanhai-group-5"));
        }

        @Test
        void theSameAssignmentAgainRecordsNothing() {
            fixture.given(scheduled, new InspectionOrganisationsAssignedEvent(ID, "nanhai-tzb", "nanhai-group-4"))
                    .when(new AssignInspectionOrganisationsCommand(ID, "nanhai-tzb", "nanhai-group-4", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnAssignmentThatNamesNothing() {
            fixture.given(scheduled)
                    .when(new AssignInspectionOrganisationsCommand(ID, null, null, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Fieldwork {
        @Test
        void startsFieldwork() {
            fixture.given(scheduled)
                    .when(new StartFieldworkCommand(ID, LocalDate.of(2023, 6, 8), null))
                    .expectEvents(started);
        }

        @Test
        void refusesStartingTwice() {
            fixture.given(scheduled, started)
                    .when(new StartFieldworkCommand(ID, LocalDate.of(2023, 6, 9), null))
                    .expectException(matchesRule("FIELDWORK_ALREADY_STARTED"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStartDateInTheFuture() {
            fixture.given(scheduled)
                    .when(new StartFieldworkCommand(ID, TODAY.plusDays(1), null))
                    .expectException(matchesRule("DATE_IN_FUTURE"))
                    .expectNoEvents();
        }

        @Test
        void concludesFieldwork() {
            fixture.given(scheduled, started)
                    .when(new ConcludeFieldworkCommand(ID, LocalDate.of(2023, 7, 28), null))
                    .expectEvents(concluded)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesConcludingBeforeStarting() {
            fixture.given(scheduled)
                    .when(new ConcludeFieldworkCommand(ID, LocalDate.of(2023, 7, 28), null))
                    .expectException(matchesRule("FIELDWORK_NOT_STARTED"))
                    .expectNoEvents();
        }

        @Test
        void refusesAFieldworkEndBeforeItsStart() {
            fixture.given(scheduled, started)
                    .when(new ConcludeFieldworkCommand(ID, LocalDate.of(2023, 6, 7), null))
                    .expectException(matchesRule("FIELDWORK_END_BEFORE_START"))
                    .expectNoEvents();
        }

        @Test
        void acceptsAFieldworkEndOnTheDayItStarted() {
            fixture.given(scheduled, started)
                    .when(new ConcludeFieldworkCommand(ID, LocalDate.of(2023, 6, 8), null))
                    .expectEvents(new FieldworkConcludedEvent(ID, LocalDate.of(2023, 6, 8)));
        }
    }

    @Nested
    class Findings {
        @Test
        void addsCategoriesInOrder() {
            fixture.given(scheduled, started, category)
                    .when(new AddFindingCategoryCommand(ID, "c2", "关于落实管党治党战略部署有差距方面", null))
                    .expectEvents(new FindingCategoryAddedEvent(ID, "c2", 2, "关于落实管党治党战略部署有差距方面"));
        }

        @Test
        void refusesADuplicateCategoryTitle() {
            fixture.given(scheduled, started, category)
                    .when(new AddFindingCategoryCommand(ID, "c2", category.title(), null))
                    .expectException(matchesRule("CATEGORY_TITLE_DUPLICATE"))
                    .expectNoEvents();
        }

        @Test
        void recordsAFindingUnderACategoryWithItsOrdinal() {
            fixture.given(scheduled, started, category, finding)
                    .when(new RecordFindingCommand(ID, "f2", "c1", "大统战工作格局不够有力", "描述", List.of(), null))
                    .expectEvents(new FindingRecordedEvent(ID, "f2", "c1", 2, "大统战工作格局不够有力", "描述", List.of()));
        }

        @Test
        void refusesAFindingUnderAnUnknownCategory() {
            fixture.given(scheduled, started, category)
                    .when(new RecordFindingCommand(ID, "f1", "nope", "t", null, null, null))
                    .expectException(matchesRule("CATEGORY_UNKNOWN"))
                    .expectNoEvents();
        }

        @Test
        void refusesAFindingBeforeFieldworkStarted() {
            fixture.given(scheduled, category)
                    .when(new RecordFindingCommand(ID, "f1", "c1", "t", null, null, null))
                    .expectException(matchesRule("FIELDWORK_NOT_STARTED"))
                    .expectNoEvents();
        }

        @Test
        void amendsAFindingBeforeFeedback() {
            fixture.given(scheduled, started, category, finding)
                    .when(new AmendFindingCommand(ID, "f1", "新标题", "新描述", List.of("表现"), null))
                    .expectEvents(new FindingAmendedEvent(ID, "f1", "新标题", "新描述", List.of("表现")));
        }

        @Test
        void withdrawsAFindingWithAReason() {
            fixture.given(scheduled, started, category, finding)
                    .when(new WithdrawFindingCommand(ID, "f1", "经核实不属实", null))
                    .expectEvents(new FindingWithdrawnEvent(ID, "f1", "经核实不属实"));
        }

        @Test
        void refusesAmendingAWithdrawnFinding() {
            fixture.given(scheduled, started, category, finding, new FindingWithdrawnEvent(ID, "f1", "不属实"))
                    .when(new AmendFindingCommand(ID, "f1", "新标题", null, null, null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Feedback {
        @Test
        void deliversFeedbackWithTheFrozenFindings() {
            fixture.given(scheduled, started, concluded, category, finding)
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 9, 12), null))
                    .expectEvents(delivered);
        }

        @Test
        void leavesWithdrawnFindingsOutOfTheFeedback() {
            fixture.given(scheduled, started, concluded, category, finding,
                            new FindingRecordedEvent(ID, "f2", "c1", 2, "撤回的问题", null, List.of()),
                            new FindingWithdrawnEvent(ID, "f2", "不属实"))
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 9, 12), null))
                    .expectEvents(delivered);
        }

        @Test
        void refusesFeedbackWithoutFindings() {
            fixture.given(scheduled, started, concluded, category)
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 9, 12), null))
                    .expectException(matchesRule("NO_FINDINGS"))
                    .expectNoEvents();
        }

        @Test
        void refusesFeedbackWhenAllFindingsWereWithdrawn() {
            fixture.given(scheduled, started, concluded, category, finding, new FindingWithdrawnEvent(ID, "f1", "不属实"))
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 9, 12), null))
                    .expectException(matchesRule("NO_FINDINGS"))
                    .expectNoEvents();
        }

        @Test
        void refusesFeedbackBeforeFieldworkEnded() {
            fixture.given(scheduled, started, concluded, category, finding)
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 7, 27), null))
                    .expectException(matchesRule("FEEDBACK_BEFORE_FIELDWORK_END"))
                    .expectNoEvents();
        }

        @Test
        void refusesFeedbackWhileFieldworkIsOngoing() {
            fixture.given(scheduled, started, category, finding)
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 9, 12), null))
                    .expectException(matchesRule("FIELDWORK_NOT_CONCLUDED"))
                    .expectNoEvents();
        }

        @Test
        void refusesDeliveringFeedbackTwice() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new DeliverFeedbackCommand(ID, LocalDate.of(2023, 9, 13), null))
                    .expectException(matchesRule("FEEDBACK_ALREADY_DELIVERED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class AfterFeedback {
        @Test
        void rejectsFindingAfterFeedbackDelivered() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new RecordFindingCommand(ID, "f9", "c1", "新问题", null, null, null))
                    .expectException(matchesRule("FEEDBACK_ALREADY_DELIVERED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsCategoryAfterFeedbackDelivered() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new AddFindingCategoryCommand(ID, "c9", "新方面", null))
                    .expectException(matchesRule("FEEDBACK_ALREADY_DELIVERED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAmendmentAfterFeedbackDelivered() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new AmendFindingCommand(ID, "f1", "改写", null, null, null))
                    .expectException(matchesRule("FINDINGS_FROZEN"))
                    .expectNoEvents();
        }

        @Test
        void rejectsWithdrawalAfterFeedbackDelivered() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new WithdrawFindingCommand(ID, "f1", "理由", null))
                    .expectException(matchesRule("FINDINGS_FROZEN"))
                    .expectNoEvents();
        }

        @Test
        void correctsAFindingWithAReason() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new CorrectFindingCommand(ID, "f1", "更正后的标题", "更正后的描述", List.of(), "反馈文本笔误", null))
                    .expectEvents(new FindingCorrectedEvent(ID, "f1", "c1", "更正后的标题", "更正后的描述", List.of(), "反馈文本笔误"));
        }

        @Test
        void refusesACorrectionWithoutAReason() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new CorrectFindingCommand(ID, "f1", "更正", null, null, "  ", null))
                    .expectException(matchesRule("REASON_REQUIRED"))
                    .expectNoEvents();
        }

        @Test
        void refusesACorrectionBeforeFeedback() {
            fixture.given(scheduled, started, category, finding)
                    .when(new CorrectFindingCommand(ID, "f1", "更正", null, null, "理由", null))
                    .expectException(matchesRule("FEEDBACK_NOT_DELIVERED"))
                    .expectNoEvents();
        }

        @Test
        void refusesACorrectionOfAnUnknownFinding() {
            fixture.given(scheduled, started, concluded, category, finding, delivered)
                    .when(new CorrectFindingCommand(ID, "nope", "更正", null, null, "理由", null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }
    }

    /** Matches a {@link RuleViolationException} with the given English code. */
    private static org.hamcrest.Matcher<Throwable> matchesRule(String code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolationException r && r.code().equals(code);
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a RuleViolationException with code " + code);
            }
        };
    }
}
