package io.zhenggai.reporting.replay;

import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
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
    private final ProjectionAdmin admin;

    ProjectionAdminTest() {
        processors.put("notifications", processor("notifications", policy));
        processors.put("list-projection", processor("list-projection", projection));
        EventProcessingConfiguration config = mock(EventProcessingConfiguration.class);
        when(config.eventProcessors()).thenReturn(processors);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("eventProcessing", config));
        admin = new ProjectionAdmin(beans.getBeanProvider(EventProcessingConfiguration.class),
                beans.getBeanProvider(org.axonframework.config.Configuration.class), mock(JdbcClient.class), Clock.systemUTC());
        processors.values().forEach(EventProcessor::start);
        store.publish(GenericEventMessage.asEventMessage("a"), GenericEventMessage.asEventMessage("b"));
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.rows.size() == 2 && policy.notified.size() == 2);
    }

    private PooledStreamingEventProcessor processor(String name, Object handler) {
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store)
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
