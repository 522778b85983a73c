package io.zhenggai.api.reminders;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Commands of the reminders context. */
public final class ReminderCommands {
    private ReminderCommands() {
    }

    /**
     * Issues the digest of one recipient for one business date (sent by the daily digest job, as the system). Issuing
     * it again for the same recipient and date records nothing.
     */
    public record IssueDigestCommand(
            String digestId,
            LocalDate businessDate,
            Recipient recipient,
            String organisationId,
            List<DigestEntry> entries,
            List<String> accounts,
            List<String> emails) {

        public IssueDigestCommand {
            entries = entries == null ? List.of() : List.copyOf(entries);
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            emails = emails == null ? List.of() : List.copyOf(emails);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return digestId;
        }
    }

    /**
     * The outcome of one delivery attempt of a digest through a channel to an address (webhook URL, e-mail address,
     * account). A success recorded once is not recorded again.
     */
    public record RecordDeliveryCommand(
            @TargetAggregateIdentifier String digestId,
            ReminderChannel channel,
            String address,
            int attempt,
            boolean delivered,
            String error,
            boolean willRetry) {
    }

    /** An addressee read the digest in the inbox; reading it again records nothing. */
    public record MarkReminderReadCommand(@TargetAggregateIdentifier String digestId, String username) {
    }

    /**
     * The directory entry of a recipient: a responsible leader or department of a unit (as the ledger names them)
     * and the accounts whose inbox receives their digest and the e-mail addresses it is sent to. Setting the same
     * again records nothing. {@code expectedVersion} (from If-Match, may be null): refused with 409 when the entry has
     * changed since (checked by the entry itself: it is created if missing).
     */
    public record SetReminderRecipientCommand(String unit, RecipientKind kind, String name, List<String> accounts,
                                              List<String> emails, Long expectedVersion) {

        public SetReminderRecipientCommand(String unit, RecipientKind kind, String name, List<String> accounts,
                                           List<String> emails) {
            this(unit, kind, name, accounts, emails, null);
        }

        public SetReminderRecipientCommand {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
            emails = emails == null ? List.of() : List.copyOf(emails);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return ReminderIds.recipient(unit, kind, name);
        }
    }
}
