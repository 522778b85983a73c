package io.zhenggai.reminders.command;

import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.api.reminders.ReminderCommands.IssueDigestCommand;
import io.zhenggai.api.reminders.ReminderCommands.MarkReminderReadCommand;
import io.zhenggai.api.reminders.ReminderCommands.RecordDeliveryCommand;
import io.zhenggai.api.reminders.ReminderEvents.DigestIssuedEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderDeliveredEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderDeliveryFailedEvent;
import io.zhenggai.api.reminders.ReminderEvents.ReminderReadEvent;
import io.zhenggai.api.reminders.ReminderIds;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The digest of one recipient for one business date. Its id is derived from recipient and date
 * ({@link ReminderIds#digest}), so it is issued once: a second firing of the same day — on this node or another —
 * finds it and records nothing. It keeps who may read it (the accounts it landed in) and which deliveries succeeded,
 * so a delivery is recorded as delivered once. Every event carries the organisation of the digest's unit.
 */
@Aggregate
class Digest {

    @AggregateIdentifier
    private String digestId;
    private String organisationId;
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> readBy = new HashSet<>();
    private final Set<String> delivered = new HashSet<>();

    protected Digest() {
        // required by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(IssueDigestCommand cmd) {
        if (digestId != null) {
            return false; // issued already for this date: nothing new
        }
        require(cmd.recipient() != null && cmd.businessDate() != null, "DIGEST_INCOMPLETE", "提醒须有接收人和日期");
        require(cmd.digestId().equals(ReminderIds.digest(cmd.businessDate(), cmd.recipient().unit(), cmd.recipient().kind(),
                cmd.recipient().name())), "DIGEST_ID_MISMATCH", "提醒编号与接收人、日期不符");
        require(!cmd.entries().isEmpty(), "DIGEST_EMPTY", "没有需要提醒的事项");
        apply(new DigestIssuedEvent(cmd.digestId(), cmd.businessDate(), cmd.recipient(), cmd.organisationId(),
                cmd.entries(), cmd.accounts(), cmd.emails()), organisation(cmd.organisationId()));
        return true;
    }

    @CommandHandler
    void handle(RecordDeliveryCommand cmd) {
        require(cmd.channel() != null && cmd.address() != null && !cmd.address().isBlank(), "DELIVERY_INCOMPLETE",
                "投递记录须有渠道和地址");
        String key = cmd.channel() + "|" + cmd.address();
        if (delivered.contains(key)) {
            return; // delivered already
        }
        if (cmd.delivered()) {
            apply(new ReminderDeliveredEvent(digestId, cmd.channel(), cmd.address(), cmd.attempt()), organisation(organisationId));
        } else {
            apply(new ReminderDeliveryFailedEvent(digestId, cmd.channel(), cmd.address(), cmd.attempt(),
                    cmd.error() == null ? "unknown" : cmd.error(), cmd.willRetry()), organisation(organisationId));
        }
    }

    @CommandHandler
    void handle(MarkReminderReadCommand cmd) {
        if (!accounts.contains(cmd.username())) {
            throw new NotFoundException("reminder", digestId); // not in this account's inbox
        }
        if (readBy.contains(cmd.username())) {
            return;
        }
        apply(new ReminderReadEvent(digestId, cmd.username()), organisation(organisationId));
    }

    private static MetaData organisation(String organisationId) {
        return organisationId == null ? MetaData.emptyInstance() : MetaData.with(MetadataKeys.ORGANISATION, organisationId);
    }

    @EventSourcingHandler
    void on(DigestIssuedEvent e) {
        digestId = e.digestId();
        organisationId = e.organisationId();
        accounts.addAll(e.accounts());
    }

    @EventSourcingHandler
    void on(ReminderDeliveredEvent e) {
        delivered.add(e.channel() + "|" + e.address());
    }

    @EventSourcingHandler
    void on(ReminderReadEvent e) {
        readBy.add(e.username());
    }
}
