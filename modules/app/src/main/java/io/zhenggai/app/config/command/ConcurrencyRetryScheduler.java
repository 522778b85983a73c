package io.zhenggai.app.config.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Retries a command that failed with a {@link ConcurrencyException} only: another writer appended to the aggregate
 * between our load and our append (another node, or a stale cache entry), so the unique key refused our events and
 * the cache entry was evicted on rollback. The retry loads the aggregate afresh and decides again; an {@code If-Match}
 * version is checked again against the fresh state, so a real version conflict still ends as 409 with the current
 * version (ADR 0033). Business refusals, a taken id ({@code AggregateStreamCreationException}) and version conflicts
 * ({@code ConflictingAggregateVersionException}) are never retried.
 * <p>
 * The retry runs at once on the caller's thread (after a few milliseconds of jitter), not on a scheduler thread as
 * Axon's {@code IntervalRetryScheduler} does: the request's thread-locals (security context, the audit metadata's
 * user, the read-your-writes wait that follows) stay with it. A command dispatched inside a unit of work or a
 * transaction (a policy's command while its processor handles an event) is never retried here: its transaction is
 * broken by the failed insert, and the processor's own retry or dead-letter queue deals with it.
 */
public final class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final int maxRetries;
    private final long maxJitterNanos;

    public ConcurrencyRetryScheduler(int maxRetries, long maxJitterMillis) {
        if (maxRetries < 1) {
            throw new IllegalArgumentException("maxRetries must be at least 1, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.maxJitterNanos = Math.max(0, maxJitterMillis) * 1_000_000L;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!retries(lastFailure, failures.size())) {
            return false;
        }
        log.debug("Command {} met a concurrent append (attempt {}): retrying on fresh state",
                commandMessage.getCommandName(), failures.size());
        if (maxJitterNanos > 0) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxJitterNanos));
        }
        commandDispatch.run(); // reports to the original callback itself, success or final failure
        return true;
    }

    /** True when a failure after {@code failuresSoFar} attempts is one to retry here. */
    boolean retries(Throwable failure, int failuresSoFar) {
        return failuresSoFar <= maxRetries
                && causedByConcurrency(failure)
                && !CurrentUnitOfWork.isStarted()
                && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    static boolean causedByConcurrency(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
