package io.zhenggai.reminders.command;

import io.zhenggai.api.reminders.ReminderCommands.SetReminderRecipientCommand;
import io.zhenggai.api.reminders.ReminderEvents.ReminderRecipientSetEvent;
import io.zhenggai.api.reminders.ReminderIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An entry of the recipient directory: which accounts' inboxes and which e-mail addresses receive the digest of a
 * responsible leader or department of a unit. Setting it again with the same accounts and addresses records nothing.
 */
@Aggregate
class ReminderRecipient {

    @AggregateIdentifier
    private String recipientId;
    private List<String> accounts;
    private List<String> emails;

    protected ReminderRecipient() {
        // required by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(SetReminderRecipientCommand cmd) {
        require(cmd.unit() != null && !cmd.unit().isBlank(), "RECIPIENT_UNIT_REQUIRED", "单位不能为空");
        require(cmd.kind() != null, "RECIPIENT_KIND_REQUIRED", "接收人类别不能为空");
        require(cmd.name() != null && !cmd.name().isBlank(), "RECIPIENT_NAME_REQUIRED", "责任领导或责任部门名称不能为空");
        if (cmd.expectedVersion() != null) {
            Long version = recipientId == null ? null : getVersion();
            long actual = version == null ? -1 : version;
            if (cmd.expectedVersion() != actual) {
                throw new ConflictingAggregateVersionException(cmd.aggregateId(), cmd.expectedVersion(), actual);
            }
        }
        List<String> a = cmd.accounts().stream().distinct().sorted().toList();
        List<String> m = cmd.emails().stream().distinct().sorted().toList();
        if (recipientId != null && Objects.equals(accounts, a) && Objects.equals(emails, m)) {
            return getVersion();
        }
        apply(new ReminderRecipientSetEvent(ReminderIds.recipient(cmd.unit(), cmd.kind(), cmd.name()), cmd.unit(), cmd.kind(),
                cmd.name(), a, m));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ReminderRecipientSetEvent e) {
        recipientId = e.recipientId();
        accounts = e.accounts();
        emails = e.emails();
    }
}
