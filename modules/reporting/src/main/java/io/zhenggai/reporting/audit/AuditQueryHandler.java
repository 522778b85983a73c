package io.zhenggai.reporting.audit;

import io.zhenggai.reporting.audit.AuditQueries.*;
import io.zhenggai.reporting.audit.EventStoreReader.ReadEvent;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the audit queries from the event store: history pages, point-in-time states and causal chains. */
@Component
class AuditQueryHandler {

    private final EventStoreReader reader;
    private final AuditEvents events;
    private final HistoricalReplay replay;

    AuditQueryHandler(EventStoreReader reader, AuditEvents events, HistoricalReplay replay) {
        this.reader = reader;
        this.events = events;
        this.replay = replay;
    }

    @QueryHandler
    AuditEventPage page(FindEventPageQuery q) {
        List<ReadEvent> rows = reader.page(q.filter(), q.after(), q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<AuditEvent> items = rows.stream().limit(q.limit()).map(r -> events.of(r.event())).toList();
        Long next = more ? items.get(items.size() - 1).position() : null;
        return new AuditEventPage(items, q.limit(), next);
    }

    @QueryHandler
    AggregateStateView aggregate(FindAggregateStateQuery q) {
        var folded = replay.replay(EventFilter.ofAggregate(q.aggregateId()), q.cut(), new AggregateStateFolder());
        if (folded.eventsApplied() == 0) {
            return null;
        }
        AggregateStateFolder.State state = folded.state();
        return new AggregateStateView(q.aggregateId(), state.aggregateType(), q.cut().position(), q.cut().asOf(),
                state.version(), folded.lastPosition(), folded.lastRecordedAt(), folded.eventsApplied(), state.fields(),
                state.applied());
    }

    @QueryHandler
    CorrelationView correlation(FindCorrelationQuery q) {
        List<AuditEvent> chain = reader.correlated(q.correlationId()).stream().map(r -> events.of(r.event())).toList();
        return chain.isEmpty() ? null : new CorrelationView(q.correlationId(), chain.size(), chain);
    }
}
