package io.zhenggai.app.config.reads;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import java.sql.Connection;
import java.time.Duration;

/**
 * The application's one {@code DataSource} when a read replica is configured (ADR 0051): Spring's
 * {@link LazyConnectionDataSourceProxy} takes a real connection only at the first statement, so a transaction marked
 * read-only before it ({@code @Transactional(readOnly = true)}, a read-only {@code TransactionTemplate}, the query
 * bus's transactions) is served by {@link ReplicaRouting}; everything else — commands, the event store, token claims,
 * sagas, deadlines, idempotency keys, accounts — by the primary.
 */
public final class RoutedDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

    private final HikariDataSource primary;
    private final ReadReplica replica;

    public RoutedDataSource(HikariDataSource primary, HikariDataSource replicaPool, Duration minLsnWait, Duration downFor) {
        this.primary = primary;
        this.replica = new ReadReplica(replicaPool, primary, downFor);
        setTargetDataSource(primary);
        setReadOnlyDataSource(new ReplicaRouting(primary, replica, minLsnWait));
        // known defaults, so that no connection is taken to learn them
        setDefaultAutoCommit(true);
        setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        afterPropertiesSet();
    }

    public ReadReplica replica() {
        return replica;
    }

    @Override
    public void close() {
        replica.close();
        primary.close();
    }
}
