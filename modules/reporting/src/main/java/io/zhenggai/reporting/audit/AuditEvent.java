package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of the audit history as people and programs read it: where it stands in the global order, which
 * aggregate it belongs to, what happened (type and payload), when it was recorded, on which business date it
 * happened (when it has one), who caused it and in which causal chain.
 *
 * @param position       the global index: the event's place in the one global order
 * @param type           the payload type's simple name ({@code FeedbackDeliveredEvent})
 * @param payloadType    the payload type's full name
 * @param payload        the payload as a JSON object (parsed from the stored bytes)
 * @param recordedAt     when the system recorded the event
 * @param businessDate   the date the fact happened, by the convention of {@code io.zhenggai.api.audit}; null if none
 * @param userId         who caused it ({@code system} for the system's own actions)
 * @param correlationId  the first message of the chain it belongs to
 * @param causationId    the message that directly caused it
 * @param metadata       the whole metadata object
 */
public record AuditEvent(
        long position,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        JsonNode payload,
        Instant recordedAt,
        LocalDate businessDate,
        String userId,
        String correlationId,
        String causationId,
        String commandName,
        String requestId,
        JsonNode metadata) {
}
