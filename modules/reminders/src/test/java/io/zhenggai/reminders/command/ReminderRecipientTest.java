package io.zhenggai.reminders.command;

import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderCommands.SetReminderRecipientCommand;
import io.zhenggai.api.reminders.ReminderEvents.ReminderRecipientSetEvent;
import io.zhenggai.api.reminders.ReminderIds;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class ReminderRecipientTest {

    static final String ID = ReminderIds.recipient("区委统战部", RecipientKind.DEPARTMENT, "办公室");

    private AggregateTestFixture<ReminderRecipient> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReminderRecipient.class);
    }

    @Test
    void setsWhoReceivesADepartmentsDigest() {
        fixture.givenNoPriorActivity()
                .when(new SetReminderRecipientCommand("区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("b", "a", "a"),
                        List.of("office@example.org")))
                .expectEvents(new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室",
                        List.of("a", "b"), List.of("office@example.org")));
    }

    @Test
    void settingTheSameAgainRecordsNothing() {
        fixture.given(new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("a"), List.of()))
                .when(new SetReminderRecipientCommand("区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("a"), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changedAccountsAreRecordedInFull() {
        fixture.given(new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("a"), List.of()))
                .when(new SetReminderRecipientCommand("区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("c"), List.of()))
                .expectEvents(new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("c"), List.of()));
    }

    @Test
    void aStaleVersionIsRefusedAndRecordsNothing() {
        fixture.given(new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("a"), List.of()),
                        new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("b"), List.of()))
                .when(new SetReminderRecipientCommand("区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("c"), List.of(), 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void theCurrentVersionIsAccepted() {
        fixture.given(new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("a"), List.of()))
                .when(new SetReminderRecipientCommand("区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("c"), List.of(), 0L))
                .expectEvents(new ReminderRecipientSetEvent(ID, "区委统战部", RecipientKind.DEPARTMENT, "办公室", List.of("c"), List.of()));
    }

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
                .when(new SetReminderRecipientCommand("区委统战部", RecipientKind.LEADER, " ", List.of("a"), List.of()))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
