package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * Queries of the audit history and their typed results, answered by {@link AuditQueryHandler} from the event store.
 * The exports stream straight to the response ({@link AuditExport}) and are not queries.
 */
public final class AuditQueries {
    private AuditQueries() {
    }

    /** A page of the history after position {@code after}, at most {@code limit} events. */
    public record FindEventPageQuery(EventFilter filter, long after, int limit) {
    }

    /** A page of the history; {@code next} is the {@code after} of the next page, null on the last page. */
    public record AuditEventPage(List<AuditEvent> items, int limit, Long next) {
    }

    /** The state of an aggregate as of {@code cut}; null when no event of it is stored up to there. */
    public record FindAggregateStateQuery(String aggregateId, Cut cut) {
    }

    /** The state of an aggregate at a point in the history, rebuilt from its events. */
    public record AggregateStateView(
            String aggregateId,
            String aggregateType,
            Long position,
            Instant asOf,
            long version,
            long lastPosition,
            Instant lastEventAt,
            long eventCount,
            JsonNode state,
            List<AggregateStateFolder.Applied> events) {
    }

    /** Every event of a causal chain; null when no event carries the correlation id. */
    public record FindCorrelationQuery(String correlationId) {
    }

    /** Every event of a causal chain, across modules, in global order. */
    public record CorrelationView(String correlationId, int count, List<AuditEvent> events) {
    }
}
