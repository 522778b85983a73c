package io.zhenggai.app.config;

import io.zhenggai.platform.events.CommandTransactionGroup;
import io.zhenggai.platform.events.StoredText;
import io.zhenggai.platform.readside.RetryWithSavepointsException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One event must not stop a projection: every processing group, except those that run in the command's
 * transaction ({@link CommandTransactionGroup}), gets Axon's JDBC sequenced dead-letter queue
 * ({@code dead_letter_entry}). An event that a handler cannot apply is parked with its cause, together with every
 * later event of the same sequence (the same aggregate, Axon's default sequencing policy), and the processor goes on
 * with the other sequences. {@code /api/admin/projections/{name}/dead-letters} lists, retries and evicts them.
 *
 * <ul>
 *   <li>Each handler invocation of a processing group runs under a savepoint, so a failed SQL statement (which
 *       aborts a PostgreSQL transaction) is undone alone and the batch, the dead letter and the token still
 *       commit together.</li>
 *   <li>Transient failures (database unreachable, lock or serialization conflicts, a concurrent aggregate update)
 *       are not parked: they fail the batch, which the processor retries as before, and the projection status and
 *       the readiness check show the stall.</li>
 *   <li>A retry that fails again is requeued with the new cause: the handler's savepoint undoes its statements, and
 *       Axon leaves the surrounding transaction (the administrator's decision) to Spring.</li>
 *   <li>A replay (reset) of a projection clears its dead letters: the replay hands every event to the handlers
 *       again and parks those that still fail.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    /** Diagnostics key: how often a parked event was retried without success. */
    public static final String RETRIES = "retries";

    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueues(EventProcessorProperties properties,
                                                             ConnectionProvider connections,
                                                             TransactionManager transactions,
                                                             DeadLetterSchema schema,
                                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                                             Serializer genericSerializer,
                                                             List<CommandTransactionGroup> inCommandTransaction,
                                                             @Value("${zhenggai.dead-letters.max-sequences:1024}") int maxSequences) {
        Set<String> excluded = inCommandTransaction.stream().map(CommandTransactionGroup::name).collect(Collectors.toSet());
        return new DeadLetterQueueProviderConfigurerModule(properties, group -> null) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(ep -> ep
                        .registerDefaultDeadLetterPolicy(c -> enqueuePolicy())
                        .registerDeadLetterQueueProvider(group -> {
                            if (excluded.contains(group)) {
                                return null;
                            }
                            ep.registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder
                                    .enableSequenceIdentifierCache()
                                    .allowReset(true));
                            return c -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                    .processingGroup(group)
                                    .connectionProvider(connections)
                                    .transactionManager(transactions)
                                    .schema(schema)
                                    .genericSerializer(genericSerializer)
                                    .eventSerializer(eventSerializer)
                                    .maxSequences(maxSequences)
                                    .build();
                        }));
            }
        };
    }

    /**
     * Parks what cannot be applied, with the most specific cause (readable, at most 1023 characters, NUL-free),
     * and counts the retries; rethrows transient failures on first handling so the batch is retried instead.
     */
    static EnqueuePolicy<EventMessage<?>> enqueuePolicy() {
        return (letter, failure) -> {
            boolean retry = letter instanceof JdbcDeadLetter<?>;
            if (!retry && transientFailure(failure)) {
                throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
            }
            Throwable specific = NestedExceptionUtils.getMostSpecificCause(failure);
            String message = StoredText.repair(String.valueOf(specific.getMessage()));
            if (message.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
                message = message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
            }
            ThrowableCause cause = new ThrowableCause(specific.getClass().getName(), message);
            long retries = retry ? retries(letter.diagnostics()) + 1 : 0;
            EnqueueDecision<EventMessage<?>> decision = retry
                    ? Decisions.requeue(cause, l -> l.diagnostics().and(RETRIES, retries))
                    : Decisions.enqueue(cause, l -> MetaData.with(RETRIES, retries));
            return decision;
        };
    }

    static long retries(MetaData diagnostics) {
        Object value = diagnostics == null ? null : diagnostics.get(RETRIES);
        return value instanceof Number n ? n.longValue() : 0;
    }

    static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs each event handler of a {@code @ProcessingGroup} under a savepoint of the processor's transaction: a
     * failed statement is rolled back alone, the transaction stays usable for the dead letter and the token.
     * With {@code zhenggai.perf.savepoint-per-batch} (ADR 0036) a handler in a processor's batch runs without one;
     * when it fails, the batch fails as a transient failure ({@link RetryWithSavepointsException}, never parked) and is
     * retried, and the retry runs every event up to the failed one under its own savepoint, so the same event is
     * parked as before. Dead-letter retries and handlers outside a processor's batch always get a savepoint.
     */
    @Bean
    HandlerEnhancerDefinition eventHandlerSavepoints(PlatformTransactionManager transactions,
                                                     @Value("${zhenggai.perf.savepoint-per-batch:true}") boolean perBatch) {
        DefaultTransactionDefinition nested = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
        Map<String, Long> carefulUpTo = new ConcurrentHashMap<>();
        return new HandlerEnhancerDefinition() {
            @Override
            public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                if (!original.canHandleMessageType(EventMessage.class)
                        || !original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
                    return original;
                }
                String group = original.declaringClass().getAnnotation(ProcessingGroup.class).value();
                return new WrappedMessageHandlingMember<>(original) {
                    @Override
                    public Object handle(Message<?> message, T target) throws Exception {
                        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                            return super.handle(message, target);
                        }
                        OptionalLong position = perBatch ? batchPosition(message) : OptionalLong.empty();
                        if (position.isPresent() && position.getAsLong() > carefulUpTo.getOrDefault(group, -1L)) {
                            try {
                                return super.handle(message, target);
                            } catch (Exception | Error e) {
                                carefulUpTo.merge(group, position.getAsLong(), Math::max);
                                throw new RetryWithSavepointsException(group, position.getAsLong(), e);
                            }
                        }
                        TransactionStatus savepoint = transactions.getTransaction(nested);
                        Object result;
                        try {
                            result = super.handle(message, target);
                        } catch (Exception | Error e) {
                            transactions.rollback(savepoint);
                            throw e;
                        }
                        transactions.commit(savepoint);
                        return result;
                    }
                };
            }
        };
    }

    /** The event's position when it is handled in a streaming processor's batch; empty otherwise (e.g. a dead-letter retry). */
    static OptionalLong batchPosition(Message<?> message) {
        if (!(message instanceof TrackedEventMessage<?> tracked) || tracked.trackingToken() == null
                || !CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>)) {
            return OptionalLong.empty();
        }
        return tracked.trackingToken().position();
    }
}
