package io.zhenggai.app.config.command;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.stream.Stream;

/**
 * The JDBC event store without the snapshot lookup: no aggregate here has a snapshot trigger (ADR 0033), so
 * {@code snapshot_event_entry} is always empty, and Axon would still query it before every load of an aggregate.
 * Anything else is Axon's {@link JdbcEventStorageEngine}.
 */
final class SnapshotlessJdbcEventStorageEngine extends JdbcEventStorageEngine {

    SnapshotlessJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
