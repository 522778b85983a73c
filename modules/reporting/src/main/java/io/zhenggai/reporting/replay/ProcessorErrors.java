package io.zhenggai.reporting.replay;

import io.zhenggai.platform.readside.RetryWithSavepointsException;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error handler of every event processor: remembers the last batch failure of each processor (when, why,
 * at which event) and rethrows it, so the processor retries the batch as Axon's default handler would. A failed
 * segment is released and claimed again after a back-off, and in between Axon's status shows neither the segment
 * nor the error; {@link ProjectionAdmin} reports the stall with this cause.
 */
@Component
public class ProcessorErrors implements ErrorHandler, ConfigurerModule {

    /** The last failure of a processor. */
    public record Failure(Instant at, String cause, String eventIdentifier) {
    }

    private final Map<String, Failure> last = new ConcurrentHashMap<>();
    private final Clock clock;

    ProcessorErrors(Clock clock) {
        this.clock = clock;
    }

    /** Registers itself as the default error handler of every event processor. */
    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(ep -> ep.registerDefaultErrorHandler(c -> this));
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        Throwable error = context.error();
        // a batch retried with savepoints (ADR 0036) is not a failure to report
        if (!RetryWithSavepointsException.isRetry(error)) {
            String event = context.failedEvents().isEmpty() ? null : context.failedEvents().get(0).getIdentifier();
            last.put(context.eventProcessor(), new Failure(clock.instant(), error.getClass().getSimpleName() + ": "
                    + error.getMessage(), event));
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw (Exception) error;
    }

    Optional<Failure> last(String processor) {
        return Optional.ofNullable(last.get(processor));
    }

    /** The processor advanced: its last failure is history. */
    void clear(String processor) {
        last.remove(processor);
    }
}
