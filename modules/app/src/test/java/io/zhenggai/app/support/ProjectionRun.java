package io.zhenggai.app.support;

import io.zhenggai.api.audit.MetadataKeys;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A projection alone on real PostgreSQL (a database of its own, migrated by the app's Flyway scripts): events are
 * handed to it in batches as a pooled streaming processor does (one {@link BatchingUnitOfWork} per batch, in one
 * Spring transaction), and a handler that throws is set aside as the dead-letter queue does, while the batch goes on.
 * For tests of a projection's write path: given events, which rows.
 */
public final class ProjectionRun implements AutoCloseable {

    private final OwnDatabase database;
    private final DataSource dataSource;
    private final SpringTransactionManager transactions;
    public final JdbcTemplate jdbcTemplate;
    public final JdbcClient jdbc;

    private ProjectionRun(OwnDatabase database) {
        this.database = database;
        this.dataSource = new DriverManagerDataSource(database.url(), database.user(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    public static ProjectionRun create(String purpose) {
        return new ProjectionRun(OwnDatabase.create(purpose));
    }

    /** A domain event of {@code aggregateId} at {@code seq}, stamped {@code at}, recorded by user {@code tester}. */
    public static DomainEventMessage<?> event(String aggregateId, long seq, Instant at, Object payload) {
        return new GenericDomainEventMessage<>("Test", aggregateId, seq, payload,
                MetaData.with(MetadataKeys.USER, "tester"), UUID.randomUUID().toString(), at);
    }

    /** Hands {@code events} to {@code projection} in batches of {@code batchSize}; returns the handlers' failures. */
    public List<Throwable> apply(Object projection, List<? extends EventMessage<?>> events, int batchSize) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<Throwable> failures = new ArrayList<>();
        for (int from = 0; from < events.size(); from += batchSize) {
            List<EventMessage<?>> batch = new ArrayList<>(events.subList(from, Math.min(events.size(), from + batchSize)));
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.executeWithResult(() -> {
                try {
                    return adapter.handle((EventMessage<?>) CurrentUnitOfWork.get().getMessage());
                } catch (Exception | Error e) {
                    failures.add(e);
                    return null;
                }
            }, RollbackConfigurationType.ANY_THROWABLE);
        }
        return failures;
    }

    public List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws Exception {
        database.close();
    }
}
