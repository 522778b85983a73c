package io.zhenggai.api.audit;

/**
 * Decisions an administrator took on an event that a projection or a policy could not apply (a dead letter):
 * recorded in the event store like every other fact, so the audit history shows who decided what, why, and about
 * which stored event. Who and when are in the metadata and timestamp, as for every event.
 */
public final class DeadLetterEvents {
    private DeadLetterEvents() {
    }

    /**
     * The parked sequence was handed to the handlers again, from its first letter on. {@code succeeded}: every
     * letter of the sequence was applied (and removed from the queue); otherwise {@code cause} is why it failed
     * again and the letters stay parked.
     */
    public record DeadLetterRetriedEvent(
            String processingGroup,
            String deadLetterId,
            String sequenceIdentifier,
            String eventIdentifier,
            Long eventPosition,
            String payloadType,
            String reason,
            boolean succeeded,
            String cause) {
    }

    /**
     * The letter was removed from the queue without being applied: the projection or policy will never see that
     * event (the stored event itself is unchanged). {@code cause} is the failure it was parked for.
     */
    public record DeadLetterEvictedEvent(
            String processingGroup,
            String deadLetterId,
            String sequenceIdentifier,
            String eventIdentifier,
            Long eventPosition,
            String payloadType,
            String reason,
            String cause) {
    }
}
