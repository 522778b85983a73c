package io.zhenggai.app.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Axon recognises a duplicate key in PostgreSQL: by SQL state 23505 ({@code unique_violation}). PostgreSQL's
 * driver reports no vendor error code, so Axon's default resolver (by error codes) saw none and a create with an id
 * already taken became a generic event-store error (500); recognised, it is an
 * {@code AggregateStreamCreationException}, which the API answers with 409 {@code ID_TAKEN}.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceExceptionsConfig {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }
}
