package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import io.zhenggai.api.rectification.RectificationCommands.RecordProcessMetricCommand;
import io.zhenggai.api.rectification.RectificationEvents.ProcessMetricRecordedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.zhenggai.rectification.command.RectificationTestData.*;

class ProcessMetricsTest {

    private static final LocalDate DAY = LocalDate.of(2023, 12, 31);
    private AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RecordProcessMetricCommand metric(String id, ProcessMetricKind kind, MeetingKind meeting, Integer count,
                                                     LocalDate date) {
        return new RecordProcessMetricCommand(RID, id, kind, meeting, count, date, null, null);
    }

    @Test
    void recordsWorkRemindersSentAsACountOnADate() {
        fixture.given(opened())
                .when(new RecordProcessMetricCommand(RID, "pm1", ProcessMetricKind.WORK_REMINDERS_SENT, null, 12, DAY,
                        "向各责任股室发出工作提醒", null))
                .expectEvents(new ProcessMetricRecordedEvent(RID, "pm1", ProcessMetricKind.WORK_REMINDERS_SENT, null, 12, DAY,
                        "向各责任股室发出工作提醒"));
    }

    @Test
    void recordsMeetingsHeldByTheirKindOfMeeting() {
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.MEETINGS_HELD, MeetingKind.ORGANISATIONAL_LIFE_MEETING, 5, DAY))
                .expectEvents(new ProcessMetricRecordedEvent(RID, "pm1", ProcessMetricKind.MEETINGS_HELD,
                        MeetingKind.ORGANISATIONAL_LIFE_MEETING, 5, DAY, null));
    }

    @Test
    void recordsAZeroTheUnitStated() {
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.SUPERVISION_GROUPS_FORMED, null, 0, DAY))
                .expectEvents(new ProcessMetricRecordedEvent(RID, "pm1", ProcessMetricKind.SUPERVISION_GROUPS_FORMED, null, 0,
                        DAY, null));
    }

    @Test
    void refusesAMeetingCountWithoutItsKindOfMeeting() {
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.MEETINGS_HELD, null, 3, DAY))
                .expectException(rule("MEETING_KIND_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void refusesAKindOfMeetingOnACountThatIsNoMeetingCount() {
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.TALKS_HELD, MeetingKind.PARTY_LECTURE, 3, DAY))
                .expectException(rule("MEETING_KIND_NOT_APPLICABLE"))
                .expectNoEvents();
    }

    @Test
    void refusesANegativeOrMissingCount() {
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.ON_SITE_SUPERVISION_VISITS, null, -1, DAY))
                .expectException(rule("COUNT_NEGATIVE"))
                .expectNoEvents();
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.ON_SITE_SUPERVISION_VISITS, null, null, DAY))
                .expectException(malformed("count"))
                .expectNoEvents();
    }

    @Test
    void refusesAMetricWithoutAKind() {
        fixture.given(opened())
                .when(metric("pm1", null, null, 1, DAY))
                .expectException(malformed("kind"))
                .expectNoEvents();
    }

    @Test
    void refusesADateBeforeTheFeedbackOrInTheFuture() {
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.TALKS_HELD, null, 10, FEEDBACK.minusDays(1)))
                .expectException(rule("DATE_BEFORE_FEEDBACK"))
                .expectNoEvents();
        fixture.given(opened())
                .when(metric("pm1", ProcessMetricKind.TALKS_HELD, null, 10, TODAY.plusDays(1)))
                .expectException(rule("DATE_IN_FUTURE"))
                .expectNoEvents();
    }

    @Test
    void refusesARecordIdAlreadyUsed() {
        fixture.given(opened(), new ProcessMetricRecordedEvent(RID, "pm1", ProcessMetricKind.TALKS_HELD, null, 10, DAY, null))
                .when(metric("pm1", ProcessMetricKind.TALKS_HELD, null, 11, DAY))
                .expectException(rule("METRIC_EXISTS"))
                .expectNoEvents();
    }

    @Test
    void anotherRecordOfTheSameKindIsRecordedBeside() {
        fixture.given(opened(), new ProcessMetricRecordedEvent(RID, "pm1", ProcessMetricKind.TALKS_HELD, null, 10, DAY, null))
                .when(metric("pm2", ProcessMetricKind.TALKS_HELD, null, 11, DAY.plusDays(1)))
                .expectEvents(new ProcessMetricRecordedEvent(RID, "pm2", ProcessMetricKind.TALKS_HELD, null, 11, DAY.plusDays(1),
                        null));
    }
}
