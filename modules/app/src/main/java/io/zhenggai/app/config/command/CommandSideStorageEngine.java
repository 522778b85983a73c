package io.zhenggai.app.config.command;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine as its Spring Boot auto-configuration builds it, with two read options for loading an
 * aggregate (ADR 0033):
 * <ul>
 *     <li>no snapshot lookup ({@link SnapshotlessJdbcEventStorageEngine}) — no aggregate takes snapshots;</li>
 *     <li>a batch shorter than {@code batchSize} ends an aggregate's stream. Axon's JDBC engine reads on until a
 *     batch comes back empty, which costs every load a second, empty query; the query is
 *     {@code sequence_number >= ? order by sequence_number} with a row limit, so a short batch is the end.</li>
 * </ul>
 */
public final class CommandSideStorageEngine {

    private CommandSideStorageEngine() {
    }

    public static EventStorageEngine create(Serializer snapshotSerializer, PersistenceExceptionResolver exceptions,
                                            Serializer eventSerializer, Configuration configuration,
                                            ConnectionProvider connections, TransactionManager transactions,
                                            EventSchema schema, int batchSize, boolean skipSnapshotLookup,
                                            boolean shortBatchEndsStream) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .batchSize(batchSize);
        if (shortBatchEndsStream) {
            builder.finalAggregateBatchPredicate(batch -> batch.size() < batchSize);
        }
        return skipSnapshotLookup ? new SnapshotlessJdbcEventStorageEngine(builder) : builder.build();
    }
}
