package io.zhenggai.inspection.command;

import io.zhenggai.api.inspection.InspectionEvents.RoundCreatedEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** A round exists when the first event of the stream with its id is a {@link RoundCreatedEvent}. */
@Component
class EventStoreRoundDirectory implements RoundDirectory {

    private final EventStore events;

    EventStoreRoundDirectory(EventStore events) {
        this.events = events;
    }

    @Override
    public boolean exists(String roundId) {
        DomainEventStream stream = events.readEvents(roundId);
        return stream.hasNext() && RoundCreatedEvent.class.equals(stream.peek().getPayloadType());
    }
}
