package io.zhenggai.app.config.command;

import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyRetrySchedulerTest {

    final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(3, 0);

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aConcurrentAppendIsRunAgainOnTheCallersThreadUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CommandGateway gateway = gateway(command -> {
            threads.add(Thread.currentThread());
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("An event for aggregate [a] at sequence [4] was already inserted");
            }
            return 5L;
        });

        Object version = gateway.sendAndWait("append");

        assertThat(version).isEqualTo(5L);
        assertThat(attempts).hasValue(3);
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void givesUpAfterItsRetriesAndReportsTheConcurrencyFailure() {
        AtomicInteger attempts = new AtomicInteger();
        CommandGateway gateway = gateway(command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("always taken");
        });

        assertThatThrownBy(() -> gateway.sendAndWait("append")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).as("the first attempt and 3 retries").hasValue(4);
    }

    @Test
    void neverRetriesABusinessRefusalATakenIdOrAVersionConflict() {
        for (RuntimeException refusal : List.of(
                new RuleViolationException(RuleViolationException.Kind.values()[0], "SOME_RULE", "不允许"),
                new AggregateStreamCreationException("id taken"),
                new ConflictingAggregateVersionException("a", 3, 4))) {
            AtomicInteger attempts = new AtomicInteger();
            CommandGateway gateway = gateway(command -> {
                attempts.incrementAndGet();
                throw refusal;
            });
            assertThatThrownBy(() -> gateway.sendAndWait("refused")).isSameAs(refusal);
            assertThat(attempts).as(refusal.getClass().getSimpleName()).hasValue(1);
        }
    }

    @Test
    void findsTheConcurrencyFailureInsideAWrapper() {
        assertThat(scheduler.retries(new CommandExecutionException("wrapped", new ConcurrencyException("taken")), 1)).isTrue();
        assertThat(scheduler.retries(new IllegalStateException("other"), 1)).isFalse();
        assertThat(scheduler.retries(new ConcurrencyException("taken"), 4)).as("past maxRetries").isFalse();
    }

    @Test
    void leavesACommandSentInsideAUnitOfWorkToItsCaller() {
        DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("event handler"));
        try {
            assertThat(scheduler.retries(new ConcurrencyException("taken"), 1)).isFalse();
        } finally {
            outer.rollback();
        }
    }

    @Test
    void leavesACommandSentInsideATransactionToItsCaller() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        assertThat(scheduler.retries(new ConcurrencyException("taken"), 1)).isFalse();
    }

    private CommandGateway gateway(java.util.function.Function<Object, Object> handler) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), message -> handler.apply(message.getPayload()));
        return DefaultCommandGateway.builder().commandBus(bus).retryScheduler(scheduler).build();
    }
}
