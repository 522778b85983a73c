package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.CarryAsHistoryCommand;
import io.zhenggai.api.rectification.RectificationEvents.CarriedAsHistoryEvent;
import io.zhenggai.api.rectification.RectificationEvents.ItemBecameOverdueEvent;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.rectification.command.RectificationTestData.*;

/** A case carried as history is judged as of its own date, never the real today. */
class CarriedAsHistoryTest {

    /** The date of the case's historical notice: 2024-03-25 is "today" in these tests, so a date before it. */
    private static final LocalDate NOTICE_DATE = LocalDate.of(2024, 1, 20);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static CarryAsHistoryCommand stated(LocalDate date) {
        return new CarryAsHistoryCommand(RID, date, "补录2024年1月的整改台账", null, null);
    }

    private static CarryAsHistoryCommand byNotice(LocalDate date, String noticeId) {
        return new CarryAsHistoryCommand(RID, date, null, noticeId, null);
    }

    /** The adopted plan (item i3 due 2024-01-31), then the events given. */
    private static List<Object> adoptedThen(Object... more) {
        return history(adoptedEvents(LocalDate.of(2024, 1, 31)), more);
    }

    @Test
    void aPersonStatesTheDateWithAReason() {
        fixture.given(adoptedEvents(LocalDate.of(2024, 1, 31)))
                .when(stated(NOTICE_DATE))
                .expectEvents(new CarriedAsHistoryEvent(RID, INSPECTION, NOTICE_DATE, "补录2024年1月的整改台账", null));
    }

    @Test
    void aHistoricalNoticeDatesTheCaseByItsDate() {
        fixture.given(adoptedEvents(LocalDate.of(2024, 1, 31)))
                .when(byNotice(NOTICE_DATE, "n-1"))
                .expectEvents(new CarriedAsHistoryEvent(RID, INSPECTION, NOTICE_DATE, "依据补录的历史通报（n-1）", "n-1"));
    }

    @Test
    void aNoticeNeverReplacesADateAPersonStated() {
        fixture.given(adoptedThen(carriedAsHistory(NOTICE_DATE, "补录2024年1月的整改台账", null)))
                .when(byNotice(LocalDate.of(2024, 2, 1), "n-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameDateAgainRecordsNothing() {
        fixture.given(adoptedThen(carriedAsHistory(NOTICE_DATE, "依据补录的历史通报（n-1）", "n-1")))
                .when(byNotice(NOTICE_DATE, "n-1"))
                .expectNoEvents();
    }

    @Test
    void aDateBeforeTheFeedbackOrInTheFutureOrWithoutAReasonIsRefused() {
        fixture.given(adoptedEvents(LocalDate.of(2024, 1, 31)))
                .when(stated(FEEDBACK.minusDays(1)))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(adoptedEvents(LocalDate.of(2024, 1, 31)))
                .when(stated(TODAY.plusDays(1)))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(adoptedEvents(LocalDate.of(2024, 1, 31)))
                .when(new CarryAsHistoryCommand(RID, NOTICE_DATE, " ", null, null))
                .expectException(rule("REASON_REQUIRED")).expectNoEvents();
    }

    @Test
    void anItemDueAfterTheAsOfDateIsNotFlaggedOverdue() {
        // adoptedThen: item i3 due 2024-01-31, after the notice's date and long before the real today
        adoptedWithDeadline(fixture, LocalDate.of(2024, 1, 31))
                .andGiven(carriedAsHistory(NOTICE_DATE, "依据补录的历史通报（n-1）", "n-1"))
                .whenThenTimeAdvancesTo(NOW.plus(OverdueDeadlines.RETROSPECTIVE_GRACE).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void anItemDueBeforeTheAsOfDateIsStillFlaggedOverdue() {
        LocalDate due = LocalDate.of(2024, 1, 10); // before the notice's date: it was overdue then
        adoptedWithDeadline(fixture, due)
                .andGiven(carriedAsHistory(NOTICE_DATE, "依据补录的历史通报（n-1）", "n-1"))
                .whenThenTimeAdvancesTo(NOW.plus(OverdueDeadlines.RETROSPECTIVE_GRACE).plusSeconds(1))
                .expectEvents(new ItemBecameOverdueEvent(RID, "i3", due, due.plusDays(1), ItemStatus.NOT_STARTED));
    }
}
