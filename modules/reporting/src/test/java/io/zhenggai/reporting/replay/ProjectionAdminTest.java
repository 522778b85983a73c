package io.zhenggai.reporting.replay;

import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.readside.StoredTokens;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Replays run on real Axon processors (in memory): projections are rebuilt, side-effecting policies are refused. */
class ProjectionAdminTest {

    /** A side-effecting policy: it must never run again for past events. */
    @DisallowReplay
    static class NotifyingPolicy {
        final List<String> notified = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(String event) {
            notified.add(event);
        }
    }

    static class ListProjection {
        final List<String> rows = new CopyOnWriteArrayList<>();
        int resets;

        @EventHandler
        void on(String event) {
            rows.add(event);
        }

        @ResetHandler
        void reset() {
            resets++;
            rows.clear();
        }
    }

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, EventProcessor> processors = new LinkedHashMap<>();
    private final NotifyingPolicy policy = new NotifyingPolicy();
    private final ListProjection projection = new ListProjection();
    private final ProcessorErrors errors = new ProcessorErrors(Clock.systemUTC());
    private final ProjectionAdmin admin;

    ProjectionAdminTest() {
        processors.put("notifications", processor("notifications", policy));
        processors.put("list-projection", processor("list-projection", projection));
        EventProcessingConfiguration config = mock(EventProcessingConfiguration.class);
        when(config.eventProcessors()).thenReturn(processors);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("eventProcessing", config));
        DeadLetterAdmin deadLetters = mock(DeadLetterAdmin.class);
        when(deadLetters.summaries()).thenReturn(Map.of());
        admin = new ProjectionAdmin(beans.getBeanProvider(EventProcessingConfiguration.class), mock(JdbcClient.class),
                Clock.systemUTC(), Duration.ZERO, deadLetters, errors, mock(StoredTokens.class)) {
            @Override
            long head() {
                return store.createHeadToken() == null ? 0 : store.createHeadToken().position().orElse(0);
            }

            @Override
            List<StoredToken> storedTokens(String processorName) {
                return List.of(); // every segment is claimed here: the live status says it all
            }
        };
        processors.values().forEach(EventProcessor::start);
        // Publish only once every processor holds its segment. Its token is made when the coordinator first claims
        // it (the tail of the store at that moment): a claim that came after "a" was published set the tail past
        // "a", and the projection saw only "b" (1 run in 3 under load).
        await().atMost(Duration.ofSeconds(10)).until(() -> processors.values().stream()
                .allMatch(p -> !((StreamingEventProcessor) p).processingStatus().isEmpty()));
        store.publish(GenericEventMessage.asEventMessage("a"), GenericEventMessage.asEventMessage("b"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(projection.rows).containsExactly("a", "b");
            assertThat(policy.notified).containsExactly("a", "b");
        });
    }

    /** Fails on the event "poison", like a projection whose insert PostgreSQL refuses, and retries it for ever. */
    static class FailingProjection {
        @EventHandler
        void on(String event) {
            if (event.equals("poison")) {
                throw new IllegalStateException("cannot apply " + event);
            }
        }
    }

    private PooledStreamingEventProcessor processor(String name, Object handler) {
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .errorHandler(errors)
                .messageSource(store)
                // Start from the tail, not Axon's default (a replay token up to the head at the moment the coordinator
                // claims the segment), which made the events published in the constructor replays that the
                // @DisallowReplay policy skipped.
                .initialToken(StreamableMessageSource::createTailToken)
                .initialSegmentCount(1) // one segment: events are handled in the order published
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newSingleThreadScheduledExecutor())
                .build();
    }

    @AfterEach
    void stop() {
        processors.values().forEach(EventProcessor::shutDown);
        store.shutDown();
    }

    @Test
    void rebuildsAProjectionFromTheBeginning() {
        admin.replay("list-projection", "admin");

        assertThat(projection.resets).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.rows.equals(List.of("a", "b")));
        assertThat(processors.get("list-projection").isRunning()).isTrue();
    }

    @Test
    void reportsAProcessorThatRetriesAnEventForEverAsInErrorAndStalled() {
        EventProcessor failing = processor("failing", new FailingProjection());
        processors.put("failing", failing);
        failing.start();
        store.publish(GenericEventMessage.asEventMessage("poison"), GenericEventMessage.asEventMessage("after"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            admin.sample();
            assertThat(admin.stalls()).extracting(ProjectionAdmin.Stall::name).containsExactly("failing");
        });
        ProjectionAdmin.ProjectionStatus status = admin.status("failing");
        assertThat(status.error()).isTrue();
        assertThat(status.stalled()).isTrue();
        assertThat(status.blocked().reason()).contains("cannot apply poison");
        assertThat(admin.status("list-projection").stalled()).isFalse();
    }

    @Test
    void refusesToReplayAProcessorWithSideEffects() {
        assertThatThrownBy(() -> admin.replay("notifications", "admin"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("PROJECTION_REPLAY_NOT_SUPPORTED");
                });
        assertThat(processors.get("notifications").isRunning()).isTrue();
        store.publish(GenericEventMessage.asEventMessage("c"));
        await().atMost(Duration.ofSeconds(10)).until(() -> policy.notified.size() == 3);
        assertThat(policy.notified).containsExactly("a", "b", "c");
    }
}
