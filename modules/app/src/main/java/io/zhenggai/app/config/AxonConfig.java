package io.zhenggai.app.config;

import io.zhenggai.platform.events.StoredTextUpcaster;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Axon on PostgreSQL without Axon Server: the JDBC event store, token store, saga store (used by the rectification's
 * escalation saga, ADR 0047) and dead-letter queue (registered in {@link DeadLetterConfig}; the processors in
 * {@link StreamingProcessorsConfig}), with snake_case tables that Flyway creates
 * ({@code db/migration/platform/V1__axon_event_store.sql}).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Stored events are read with NUL and lone surrogates replaced by U+FFFD (ADR 0013). A bean: Axon's Spring
     * Boot configuration puts every {@code EventUpcaster} bean into the upcaster chain of the JDBC event store, so
     * aggregates, projections and the dead-letter queue all read through it.
     */
    @Bean
    StoredTextUpcaster storedTextUpcaster() {
        return new StoredTextUpcaster();
    }

    /**
     * Axon's JDBC components (event store, token store, saga store, dead-letter queue) take their connection from the
     * Spring transaction that every unit of work attaches. Axon's default wraps this provider so that a unit of work
     * also commits or rolls back the connection itself; for a nested unit of work, such as a command a policy sends
     * while it handles an event, a rollback then rolled back the physical connection and with it the whole batch of
     * the processor (including a savepoint of {@link DeadLetterConfig}), while the processor went on as if nothing
     * had happened. Spring alone decides about the transaction here.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** The clock aggregates use to refuse dates in the future; a bean so that tests can fix it. */
    @Bean
    Clock clock(@Value("${zhenggai.zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
