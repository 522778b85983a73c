package io.zhenggai.app.config;

import io.zhenggai.app.config.command.AggregateCaches;
import io.zhenggai.app.config.command.CommandSideStorageEngine;
import io.zhenggai.app.config.command.ConcurrencyRetryScheduler;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.serialization.Serializer;
import org.hibernate.validator.HibernateValidator;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * The command side's performance levers (ADR 0033, docs/benchmarks.md), each behind a property
 * {@code zhenggai.perf.<lever>.enabled} so that it can be measured on and off without a rebuild:
 * <ul>
 *     <li>{@code aggregate-cache}: a bounded cache per aggregate type ({@link AggregateCaches}), never on several
 *     nodes;</li>
 *     <li>{@code command-retry}: a command that met a concurrent append runs again on fresh state
 *     ({@link ConcurrencyRetryScheduler});</li>
 *     <li>{@code skip-snapshot-lookup} and {@code short-batch-ends-stream}: one query per aggregate load instead of
 *     three ({@link CommandSideStorageEngine}).</li>
 * </ul>
 * and the check of every command's shape before dispatch ({@link #commandShapeValidation}).
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfig {

    /**
     * Off on several nodes ({@code zhenggai.cluster.enabled}, ADR 0050): an entry that misses another node's event
     * could decide a refusal on stale state; without the cache every command loads its aggregate in one query.
     */
    @Bean
    @ConditionalOnExpression("${zhenggai.perf.aggregate-cache.enabled:true} and !${zhenggai.cluster.enabled:false}")
    static AggregateCaches aggregateCaches(Environment env) {
        return new AggregateCaches(env.getProperty("zhenggai.perf.aggregate-cache.max-entries", Long.class, 1024L));
    }

    /**
     * Every command's shape — the Bean Validation constraints of its record in {@code api} (ADR 0046) — is checked on
     * the command bus before dispatch, with the constraints' messages in Chinese. A command that fails it reaches no
     * aggregate and records nothing: the sender gets {@link JSR303ViolationException} (HTTP 400 naming the fields).
     */
    @Bean
    InitializingBean commandShapeValidation(CommandBus commandBus) {
        ValidatorFactory validators = Validation.byProvider(HibernateValidator.class).configure()
                .defaultLocale(Locale.SIMPLIFIED_CHINESE)
                .buildValidatorFactory();
        return () -> commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<CommandMessage<?>>(validators));
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, Environment env) {
        DefaultCommandGateway.Builder gateway = DefaultCommandGateway.builder().commandBus(commandBus);
        if (env.getProperty("zhenggai.perf.command-retry.enabled", Boolean.class, true)) {
            gateway.retryScheduler(new ConcurrencyRetryScheduler(
                    env.getProperty("zhenggai.perf.command-retry.max-retries", Integer.class, 3),
                    env.getProperty("zhenggai.perf.command-retry.max-jitter-ms", Long.class, 5L)));
        }
        return gateway.build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          Environment env) {
        return CommandSideStorageEngine.create(defaultSerializer, persistenceExceptionResolver, eventSerializer,
                configuration, connectionProvider, transactionManager, eventSchema,
                env.getProperty("zhenggai.event-store.batch-size", Integer.class, 100),
                env.getProperty("zhenggai.perf.skip-snapshot-lookup.enabled", Boolean.class, true),
                env.getProperty("zhenggai.perf.short-batch-ends-stream.enabled", Boolean.class, true));
    }
}
