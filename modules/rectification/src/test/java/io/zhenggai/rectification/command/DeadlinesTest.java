package io.zhenggai.rectification.command;

import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class DeadlinesTest {

    private static final LocalDate DUE = LocalDate.of(2024, 3, 31);
    private static final Instant OVERDUE_AT = startOfDay(DUE.plusDays(1));
    private static final LocalDate NEW_DUE = LocalDate.of(2024, 4, 30);
    private static final Instant NEW_OVERDUE_AT = startOfDay(NEW_DUE.plusDays(1));
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private ExtendDeadlineCommand extend(LocalDate newDue) {
        return new ExtendDeadlineCommand(RID, "i3", newDue, TODAY, "需待财政部门新规出台后修订", "李部长", null);
    }

    @Test
    void aTimeBoundItemWaitsOnADeadlineAtTheStartOfTheDayAfterItsDueDate() {
        fixture.givenCurrentTime(NOW)
                .andGiven(opened(), leaderAppointed(), deputyAppointed())
                .when(addItem("i3", List.of(F3), ItemKind.TIME_BOUND, DUE, "m3"))
                .expectScheduledDeadline(OVERDUE_AT, new ItemOverdueDeadline("i3", DUE))
                .expectScheduledDeadlineWithName(OVERDUE_AT, OverdueDeadlines.deadlineName("i3"));
    }

    @Test
    void anItemCarriedOverWithADueDateLongPastGetsTimeToRecordItsCompletionBeforeItIsFlagged() {
        LocalDate longPast = TODAY.minusDays(30);
        fixture.givenCurrentTime(NOW)
                .andGiven(opened(), leaderAppointed(), deputyAppointed())
                .when(addItem("i3", List.of(F3), ItemKind.TIME_BOUND, longPast, "m3"))
                .expectScheduledDeadline(NOW.plus(OverdueDeadlines.RETROSPECTIVE_GRACE), new ItemOverdueDeadline("i3", longPast));
    }

    @Test
    void anItemDueYesterdayIsFlaggedAtOnce() {
        LocalDate yesterday = TODAY.minusDays(1);
        fixture.givenCurrentTime(NOW)
                .andGiven(opened(), leaderAppointed(), deputyAppointed())
                .when(addItem("i3", List.of(F3), ItemKind.TIME_BOUND, yesterday, "m3"))
                .expectScheduledDeadline(startOfDay(TODAY), new ItemOverdueDeadline("i3", yesterday));
    }

    @Test
    void anOngoingItemWaitsOnNoDeadline() {
        fixture.givenCurrentTime(NOW)
                .andGiven(opened(), leaderAppointed(), deputyAppointed())
                .when(addItem("i2", List.of(F2), ItemKind.ONGOING, null, "m2"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theSystemRecordsTheItemOverdueAtItsDueDate() {
        adoptedWithDeadline(fixture, DUE)
                .whenThenTimeAdvancesTo(OVERDUE_AT)
                .expectTriggeredDeadlines(new ItemOverdueDeadline("i3", DUE))
                .expectEvents(new ItemBecameOverdueEvent(RID, "i3", DUE, DUE.plusDays(1), ItemStatus.NOT_STARTED))
                .expectEventsMatching(recordedBySystem());
    }

    @Test
    void anItemIsNotOverdueOnItsDueDate() {
        adoptedWithDeadline(fixture, DUE)
                .whenThenTimeAdvancesTo(OVERDUE_AT.minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void completingAnItemCancelsItsDeadline() {
        adoptedWithDeadline(fixture, DUE)
                .when(progress("p1", "i3", null, ItemStatus.COMPLETED, TODAY, document("e1")))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCompletedItemIsNeverRecordedOverdue() {
        adoptedWithDeadline(fixture, DUE)
                .andGiven(progressed("p1", "i3", ItemStatus.COMPLETED, ItemStatus.NOT_STARTED, TODAY, document("e1")))
                .whenThenTimeAdvancesTo(OVERDUE_AT.plus(Duration.ofDays(30)))
                .expectNoEvents();
    }

    @Test
    void aBasicallyCompletedItemStillBecomesOverdue() {
        adoptedWithDeadline(fixture, DUE)
                .andGiven(progressed("p1", "i3", ItemStatus.BASICALLY_COMPLETED, ItemStatus.NOT_STARTED, TODAY,
                        document("e1")))
                .whenThenTimeAdvancesTo(OVERDUE_AT)
                .expectEvents(new ItemBecameOverdueEvent(RID, "i3", DUE, DUE.plusDays(1), ItemStatus.BASICALLY_COMPLETED));
    }

    @Test
    void anExtensionWithoutAReasonIsRefused() {
        draftWithDeadline(fixture, DUE) // a command last: the one refused before dispatch leaves its aggregate as given
                .when(new ExtendDeadlineCommand(RID, "i3", NEW_DUE, TODAY, null, "李部长", null))
                .expectException(malformed("reason"))
                .expectNoEvents()
                .expectScheduledDeadline(OVERDUE_AT, new ItemOverdueDeadline("i3", DUE));
    }

    @Test
    void anExtensionWithoutAnApproverIsRefused() {
        fixture.given(adoptedEvents(DUE))
                .when(new ExtendDeadlineCommand(RID, "i3", NEW_DUE, TODAY, "理由", " ", null))
                .expectException(malformed("approver"))
                .expectNoEvents();
    }

    @Test
    void anExtensionMovesTheDueDateLater() {
        adoptedWithDeadline(fixture, DUE)
                .when(extend(DUE.minusDays(1)))
                .expectException(rule("EXTENSION_NOT_LATER"))
                .expectNoEvents();
    }

    @Test
    void anExtensionKeepsTheOriginalDueDateAndReschedulesTheDeadline() {
        adoptedWithDeadline(fixture, DUE)
                .when(extend(NEW_DUE))
                .expectEvents(new DeadlineExtendedEvent(RID, "i3", 1, DUE, DUE, NEW_DUE, TODAY,
                        "需待财政部门新规出台后修订", "李部长"))
                .expectScheduledDeadline(NEW_OVERDUE_AT, new ItemOverdueDeadline("i3", NEW_DUE))
                .expectNoScheduledDeadline(OVERDUE_AT, new ItemOverdueDeadline("i3", DUE));
    }

    @Test
    void everyExtensionIsKeptWithTheOriginal() {
        LocalDate third = NEW_DUE.plusMonths(1);
        fixture.given(history(adoptedEvents(DUE), extended("i3", 1, DUE, DUE, NEW_DUE, TODAY)))
                .when(extend(third))
                .expectEvents(new DeadlineExtendedEvent(RID, "i3", 2, DUE, NEW_DUE, third, TODAY,
                        "需待财政部门新规出台后修订", "李部长"));
    }

    @Test
    void anExtendedItemIsNotOverdueAtItsOldDueDate() {
        adoptedWithDeadline(fixture, DUE)
                .andGiven(extended("i3", 1, DUE, DUE, NEW_DUE, TODAY))
                .whenThenTimeAdvancesTo(OVERDUE_AT.plus(Duration.ofDays(1)))
                .expectNoEvents();
    }

    @Test
    void anExtendedItemBecomesOverdueAtItsNewDueDate() {
        adoptedWithDeadline(fixture, DUE)
                .andGivenCommands(extend(NEW_DUE))
                .whenThenTimeAdvancesTo(NEW_OVERDUE_AT)
                .expectEvents(new ItemBecameOverdueEvent(RID, "i3", NEW_DUE, NEW_DUE.plusDays(1), ItemStatus.NOT_STARTED));
    }

    @Test
    void anOverdueItemIsExtendedAndWaitsOnItsNewDeadline() {
        adoptedWithDeadline(fixture, DUE)
                .andGiven(new ItemBecameOverdueEvent(RID, "i3", DUE, DUE.plusDays(1), ItemStatus.NOT_STARTED))
                .when(extend(NEW_DUE))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(NEW_OVERDUE_AT, new ItemOverdueDeadline("i3", NEW_DUE));
    }

    @Test
    void aLookBackReviewReopeningAnItemMakesItWaitOnItsDeadlineAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(history(adoptedEvents(DUE),
                        progressed("p1", "i3", ItemStatus.COMPLETED, ItemStatus.NOT_STARTED, TODAY, document("e1")),
                        closeOffRequested("i3", TODAY, null, ref(document("e1"))),
                        closeOffApproved("i3", TODAY, null, ref(document("e1")))))
                .when(new ReopenItemCommand(RID, "i3", TODAY, "回头看发现问题反弹", null))
                .expectScheduledDeadline(OVERDUE_AT, new ItemOverdueDeadline("i3", DUE));
    }

    @Test
    void aRemovedDraftItemNoLongerWaitsOnADeadline() {
        draftWithDeadline(fixture, DUE)
                .when(new RemoveItemCommand(RID, "i3", null, null))
                .expectNoScheduledDeadlines();
    }

    private static Matcher<List<EventMessage<?>>> recordedBySystem() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return !events.isEmpty() && events.stream()
                        .allMatch(e -> MetadataKeys.SYSTEM_USER.equals(e.getMetaData().get(MetadataKeys.USER)));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events whose metadata userId is 'system'");
            }
        };
    }
}
