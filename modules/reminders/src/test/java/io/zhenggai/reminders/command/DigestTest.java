package io.zhenggai.reminders.command;

import io.zhenggai.api.reminders.DigestEntry;
import io.zhenggai.api.reminders.Recipient;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderChannel;
import io.zhenggai.api.reminders.ReminderCommands.IssueDigestCommand;
import io.zhenggai.api.reminders.ReminderCommands.MarkReminderReadCommand;
import io.zhenggai.api.reminders.ReminderCommands.RecordDeliveryCommand;
import io.zhenggai.api.reminders.ReminderEvents.DigestIssuedEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderDeliveredEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderDeliveryFailedEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderReadEvent;
import io.zhenggai.api.reminders.ReminderIds;
import io.zhenggai.api.reminders.ReminderReason;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class DigestTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final Recipient LEADER = new Recipient(RecipientKind.LEADER, "王副部长", "区委统战部");
    static final String ID = ReminderIds.digest(DAY, LEADER.unit(), LEADER.kind(), LEADER.name());
    static final DigestEntry DUE_SOON = new DigestEntry(ReminderReason.DUE_SOON, "rect-x", "x", "区委统战部", "巡察整改",
            "i1", 1, "整改事项", DAY.plusDays(3), 3L, null);
    static final DigestIssuedEvent ISSUED = new DigestIssuedEvent(ID, DAY, LEADER, "nanhai-tzb", List.of(DUE_SOON),
            List.of("rectifier"), List.of("leader@example.org"));

    private AggregateTestFixture<Digest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Digest.class);
    }

    private static IssueDigestCommand issue(String id, List<DigestEntry> entries) {
        return new IssueDigestCommand(id, DAY, LEADER, "nanhai-tzb", entries, List.of("rectifier"), List.of("leader@example.org"));
    }

    @Test
    void issuesTheDigestOfARecipientForADay() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, List.of(DUE_SOON)))
                .expectEvents(ISSUED)
                .expectResultMessagePayload(true);
    }

    @Test
    void aSecondFiringOfTheSameDayRecordsNothing() {
        fixture.given(ISSUED)
                .when(issue(ID, List.of(DUE_SOON)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void refusesAnIdThatIsNotTheRecipientsAndDays() {
        fixture.givenNoPriorActivity()
                .when(issue(ReminderIds.digest(DAY.plusDays(1), LEADER.unit(), LEADER.kind(), LEADER.name()), List.of(DUE_SOON)))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnEmptyDigest() {
        fixture.givenNoPriorActivity()
                .when(issue(ID, List.of()))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void recordsAFailedAttemptAndThenTheDelivery() {
        fixture.given(ISSUED, new ReminderDeliveryFailedEvent(ID, ReminderChannel.WEBHOOK, "http://hook", 1, "HTTP 500", true))
                .when(new RecordDeliveryCommand(ID, ReminderChannel.WEBHOOK, "http://hook", 2, true, null, false))
                .expectEvents(new ReminderDeliveredEvent(ID, ReminderChannel.WEBHOOK, "http://hook", 2));
    }

    @Test
    void aDeliveryRecordedOnceIsNotRecordedAgain() {
        fixture.given(ISSUED, new ReminderDeliveredEvent(ID, ReminderChannel.EMAIL, "leader@example.org", 1))
                .when(new RecordDeliveryCommand(ID, ReminderChannel.EMAIL, "leader@example.org", 2, true, null, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAddresseeReadsTheDigestOnce() {
        fixture.given(ISSUED)
                .when(new MarkReminderReadCommand(ID, "rectifier"))
                .expectEvents(new ReminderReadEvent(ID, "rectifier"));
        fixture.given(ISSUED, new ReminderReadEvent(ID, "rectifier"))
                .when(new MarkReminderReadCommand(ID, "rectifier"))
                .expectNoEvents();
    }

    @Test
    void someoneTheDigestWasNotAddressedToCannotMarkItRead() {
        fixture.given(ISSUED)
                .when(new MarkReminderReadCommand(ID, "rectifier_b"))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
