package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.Evidence;
import io.zhenggai.api.rectification.EvidenceKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.RecordProgressCommand;
import io.zhenggai.api.rectification.RectificationEvents.ProgressRecordedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class RecordingProgressTest {

    private static final LocalDate DUE = LocalDate.of(2024, 6, 30);
    private static final LocalDate DAY = LocalDate.of(2023, 11, 20);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void recordsProgressWithItsBusinessDateStatusAndEvidence() {
        String sha = "a".repeat(64);
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.COMPLETED, DAY, document("e1"), scan("e2", sha)))
                .expectEvents(new ProgressRecordedEvent(RID, "p1", "i3", null, DAY, null, ItemStatus.COMPLETED,
                        ItemStatus.NOT_STARTED, "按方案推进", List.of(document("e1"), scan("e2", sha))));
    }

    @Test
    void recordsAFigureReachedAsAnExactDecimal() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i2", "m2", ItemStatus.IN_PROGRESS, DAY, followers("e1")))
                .expectEvents(new ProgressRecordedEvent(RID, "p1", "i2", "m2", DAY, ItemStatus.IN_PROGRESS,
                        ItemStatus.IN_PROGRESS, ItemStatus.NOT_STARTED, "按方案推进", List.of(followers("e1"))));
    }

    @Test
    void progressOnAMeasureMovesANotStartedItemInProgress() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", "m3", ItemStatus.COMPLETED, DAY, document("e1")))
                .expectEvents(new ProgressRecordedEvent(RID, "p1", "i3", "m3", DAY, ItemStatus.COMPLETED,
                        ItemStatus.IN_PROGRESS, ItemStatus.NOT_STARTED, "按方案推进", List.of(document("e1"))));
    }

    @Test
    void refusesProgressBeforeThePlanIsAdopted() {
        fixture.given(draftEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.IN_PROGRESS, DAY))
                .expectException(rule("PLAN_NOT_ADOPTED"))
                .expectNoEvents();
    }

    @Test
    void refusesABusinessDateInTheFuture() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.IN_PROGRESS, TODAY.plusDays(1)))
                .expectException(rule("DATE_IN_FUTURE"))
                .expectNoEvents();
    }

    @Test
    void refusesABusinessDateBeforeTheFeedback() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.IN_PROGRESS, FEEDBACK.minusDays(1)))
                .expectException(rule("DATE_BEFORE_FEEDBACK"))
                .expectNoEvents();
    }

    @Test
    void anOngoingItemIsNeverCompleted() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i2", null, ItemStatus.COMPLETED, DAY))
                .expectException(rule("ONGOING_NEVER_COMPLETED"))
                .expectNoEvents();
    }

    @Test
    void anOngoingItemEstablishesALongTermMechanism() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i2", null, ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED, DAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyOngoingItemsEstablishALongTermMechanism() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED, DAY))
                .expectException(rule("LONG_TERM_ONLY_FOR_ONGOING"))
                .expectNoEvents();
    }

    @Test
    void refusesAFigureWithoutAValue() {
        Evidence noValue = new Evidence("e1", EvidenceKind.FIGURE, null, null, null, null,
                new Evidence.Figure("粉丝数", null, "人", null), null);
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.IN_PROGRESS, DAY, noValue))
                .expectException(rule("EVIDENCE_INCOMPLETE"))
                .expectNoEvents();
    }

    @Test
    void refusesAFileThatIsNotNamedByItsSha256() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.IN_PROGRESS, DAY, scan("e1", "not-a-hash")))
                .expectException(rule("EVIDENCE_FILE_INVALID"))
                .expectNoEvents();
    }

    @Test
    void refusesEvidenceRecordedTwice() {
        fixture.given(adoptedEvents(DUE))
                .andGiven(progressed("p1", "i3", ItemStatus.IN_PROGRESS, ItemStatus.NOT_STARTED, DAY, document("e1")))
                .when(progress("p2", "i3", null, ItemStatus.IN_PROGRESS, DAY, document("e1")))
                .expectException(rule("EVIDENCE_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void refusesProgressWithNeitherTextNorEvidence() {
        fixture.given(adoptedEvents(DUE))
                .when(new RecordProgressCommand(RID, "i3", null, "p1", DAY, ItemStatus.IN_PROGRESS, null, " ", List.of(), null))
                .expectException(rule("PROGRESS_EMPTY"))
                .expectNoEvents();
    }

    @Test
    void recordsABasicallyCompletedItemThatContinues() {
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.BASICALLY_COMPLETED, DAY, followers("e1")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void keepsTheDecimalValueExactly() {
        Evidence funds = new Evidence("e1", EvidenceKind.FIGURE, "追缴资金", null, null, null,
                new Evidence.Figure("追缴资金", new BigDecimal("12.35"), "万元", DAY), null);
        fixture.given(adoptedEvents(DUE))
                .when(progress("p1", "i3", null, ItemStatus.IN_PROGRESS, DAY, funds))
                .expectEvents(new ProgressRecordedEvent(RID, "p1", "i3", null, DAY, null, ItemStatus.IN_PROGRESS,
                        ItemStatus.NOT_STARTED, "按方案推进", List.of(funds)));
    }
}
