package io.zhenggai.reporting.audit;

import java.time.Instant;

/**
 * Which events to read. Every field is optional (null = no restriction).
 *
 * @param aggregateId   the aggregate identifier
 * @param aggregateType the aggregate type ({@code Inspection})
 * @param userId        the {@code userId} of the metadata
 * @param type          the payload type, full ({@code io.zhenggai.api.inspection.InspectionEvents$FieldworkStartedEvent})
 *                      or simple ({@code FieldworkStartedEvent})
 * @param from          recorded at or after (inclusive)
 * @param to            recorded before (exclusive)
 * @param correlationId the {@code correlationId} of the metadata
 * @param upToPosition  position at most (inclusive): a cut in the global order
 * @param asOf          recorded at or before (inclusive): a cut in time
 */
public record EventFilter(
        String aggregateId,
        String aggregateType,
        String userId,
        String type,
        Instant from,
        Instant to,
        String correlationId,
        Long upToPosition,
        Instant asOf) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, null, null);

    public static EventFilter ofAggregate(String aggregateId) {
        return new EventFilter(aggregateId, null, null, null, null, null, null, null, null);
    }

    /** This filter, restricted to what had been recorded at the cut. */
    public EventFilter cut(Cut cut) {
        return new EventFilter(aggregateId, aggregateType, userId, type, from, to, correlationId,
                cut.position() != null ? cut.position() : upToPosition, cut.asOf() != null ? cut.asOf() : asOf);
    }
}
