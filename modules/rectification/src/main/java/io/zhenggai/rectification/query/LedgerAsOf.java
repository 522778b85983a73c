package io.zhenggai.rectification.query;

import io.zhenggai.api.rectification.RectificationQueries.FindLedgerAsOfQuery;
import io.zhenggai.api.rectification.RectificationQueries.LedgerView;
import io.zhenggai.platform.domain.BusinessDates;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The ledger as it stood at a past instant (the point-in-time fold): the rectification's own events recorded at or
 * before that instant, read from the event store (upcast and deserialised by Axon, from sequence 0, never a
 * snapshot), are handed to a fresh {@link RectificationLedgerProjection} that folds into memory only
 * ({@link InMemoryLedger}); the view is computed by {@link LedgerViews} as for today's ledger. One set of rules, so
 * the ledger of a past date cannot disagree with what the read model showed then.
 */
@Component
class LedgerAsOf {

    private final EventStore events;
    private final Clock clock;

    LedgerAsOf(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @QueryHandler
    LedgerView handle(FindLedgerAsOfQuery query) {
        InMemoryLedger ledger = new InMemoryLedger();
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(new RectificationLedgerProjection(ledger));
        DomainEventStream stream = events.readEvents(query.rectificationId(), 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(query.until())) {
                break; // one aggregate's events are appended in time order
            }
            if (handlers.canHandle(event)) {
                try {
                    handlers.handle(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("could not fold " + event.getPayloadType().getName(), e);
                }
            }
        }
        if (ledger.document() == null) {
            return null;
        }
        return LedgerViews.ledger(ledger.document(), ledger.version(), ledger.updatedAt(), query.filter(),
                BusinessDates.judgedOn(query.today(), ledger.document().asOfDate, clock), query.warningDays());
    }
}
