package io.zhenggai.api.reminders;

import java.time.LocalDate;
import java.util.List;

/** Events of the reminders context. Who and when is in each event's metadata and timestamp. */
public final class ReminderEvents {
    private ReminderEvents() {
    }

    /**
     * The digest of {@code recipient} for {@code businessDate}: its entries, the accounts whose inbox it lands in and
     * the e-mail addresses it is sent to (from the recipient directory at that moment).
     */
    public record DigestIssuedEvent(
            String digestId,
            LocalDate businessDate,
            Recipient recipient,
            String organisationId,
            List<DigestEntry> entries,
            List<String> accounts,
            List<String> emails) {
    }

    /** The digest reached {@code address} through {@code channel} at attempt {@code attempt}. */
    public record ReminderDeliveredEvent(String digestId, ReminderChannel channel, String address, int attempt) {
    }

    /** An attempt to deliver the digest failed; {@code willRetry} tells whether another attempt is scheduled. */
    public record ReminderDeliveryFailedEvent(String digestId, ReminderChannel channel, String address, int attempt,
                                              String error, boolean willRetry) {
    }

    /** {@code username} read the digest in the inbox. */
    public record ReminderReadEvent(String digestId, String username) {
    }

    /** The recipient directory entry now reads so (its full new state). */
    public record ReminderRecipientSetEvent(String recipientId, String unit, RecipientKind kind, String name,
                                            List<String> accounts, List<String> emails) {
    }
}
