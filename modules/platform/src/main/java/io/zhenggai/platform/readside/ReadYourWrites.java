package io.zhenggai.platform.readside;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Read your own writes: a controller calls {@link #await} after a command and before it answers, so that the reads
 * its response promises (the {@code Location}, the new {@code ETag}, a public URL) already show the command's
 * events. It waits until each named processing group's token has passed the position (global index) of the newest
 * event of the aggregate the command changed, at most {@code zhenggai.read-your-writes.timeout} (then it answers
 * anyway and logs why). A processor that is not running or stands in error is not waited for. While it waits it
 * wakes the processors ({@link ProcessorWakeups}), so the wait is the processing, not a poll interval.
 * <p>
 * The position is read from the event store after the command committed; the processors' positions from Axon's own
 * status of each segment claimed on this node, and for segments that another node processes from their tokens in
 * {@code token_entry} ({@link StoredTokens}, read without claiming them, at most every 5 ms while a caller waits).
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    /** How often the processors are woken again while a caller waits (each wake schedules all of them). */
    private static final long WAKE_NANOS = Duration.ofMillis(5).toNanos();

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final ProcessorWakeups wakeups;
    private final Duration timeout;
    private final long pollNanos;
    private final StoredTokens tokens;
    private final ObjectProvider<ReplicaCatchUp> replica;

    /**
     * @param poll how often the processors' positions are looked at while a caller waits (in memory, no query): the
     *             answer leaves at most this long after the read model has the event. It was 5 ms, which added
     *             2.5 ms to the average command (ADR 0034).
     */
    public ReadYourWrites(JdbcClient jdbc, EventProcessingConfiguration processing, ProcessorWakeups wakeups,
                          @Value("${zhenggai.read-your-writes.timeout:10s}") Duration timeout,
                          @Value("${zhenggai.read-your-writes.poll:1ms}") Duration poll, StoredTokens tokens,
                          ObjectProvider<ReplicaCatchUp> replica) {
        this.replica = replica;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.processing = processing;
        this.wakeups = wakeups;
        this.timeout = timeout;
        this.pollNanos = Math.max(poll.toNanos(), 50_000);
    }

    /**
     * Sends {@code command} and answers once every processing group named has handled the newest event of
     * {@code aggregateId}: what a controller does when its answer promises a read of what the command did.
     */
    public <R> R sendAndAwait(CommandGateway commands, Object command, String aggregateId, String... processingGroups) {
        R result = commands.sendAndWait(command);
        await(aggregateId, processingGroups);
        return result;
    }

    /** Waits until every processing group named has handled the newest event of {@code aggregateId}. */
    public void await(String aggregateId, String... processingGroups) {
        Long position = jdbc.sql("select max(global_index) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).optional().orElse(null);
        if (position != null) {
            awaitPosition(position, processingGroups);
        }
    }

    /**
     * Waits until every processing group named has handled the event at global index {@code position}, and, when reads
     * are served by a replica, until the replica has replayed what they wrote (ADR 0052).
     */
    public void awaitPosition(long position, String... processingGroups) {
        awaitProcessors(position, processingGroups);
        replica.ifAvailable(ReplicaCatchUp::awaitReplica);
    }

    /**
     * For a command whose read model is written in the command's own transaction (a subscribing processor, such as
     * the organisation directory): waits only until a read replica, if there is one, has replayed it (ADR 0052).
     */
    public void awaitReplica() {
        replica.ifAvailable(ReplicaCatchUp::awaitReplica);
    }

    private void awaitProcessors(long position, String... processingGroups) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextWake = System.nanoTime();
        for (String group : processingGroups) {
            Optional<StreamingEventProcessor> processor =
                    processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class);
            if (processor.isEmpty()) {
                throw new IllegalArgumentException("no streaming processor for processing group " + group);
            }
            Elsewhere elsewhere = new Elsewhere(processor.get().getName());
            while (!passed(processor.get(), position, elsewhere)) {
                if (System.nanoTime() > deadline) {
                    log.warn("Processing group {} did not reach position {} within {}: answering before its read model shows it",
                            group, position, timeout);
                    return;
                }
                if (System.nanoTime() - nextWake >= 0) {
                    wakeups.wakeAll(); // the processors look for the new events now, not at their next 500 ms poll
                    nextWake = System.nanoTime() + WAKE_NANOS;
                }
                LockSupport.parkNanos(pollNanos);
            }
        }
    }

    /** The stored tokens of a processor's segments, read at most every {@link #WAKE_NANOS} while a caller waits. */
    private final class Elsewhere implements Supplier<List<StoredTokens.Stored>> {
        private final String processorName;
        private List<StoredTokens.Stored> last;
        private long readAt;

        Elsewhere(String processorName) {
            this.processorName = processorName;
        }

        @Override
        public List<StoredTokens.Stored> get() {
            long now = System.nanoTime();
            if (last == null || now - readAt >= WAKE_NANOS) {
                last = tokens == null ? List.of() : tokens.of(processorName);
                readAt = now;
            }
            return last;
        }
    }

    /** {@link #passed(StreamingEventProcessor, long, Supplier)} on a single node: every segment must be claimed here. */
    static boolean passed(StreamingEventProcessor processor, long position) {
        return passed(processor, position, List::of);
    }

    /**
     * True when the processor has passed the target, or cannot pass it (not running, or a segment in error). The
     * segments claimed here are judged by their live status; when they do not cover the whole stream (another node
     * holds the others — several nodes, ADR 0050), the others by their tokens as stored in {@code token_entry}.
     */
    static boolean passed(StreamingEventProcessor processor, long position, Supplier<List<StoredTokens.Stored>> elsewhere) {
        if (!processor.isRunning() || processor.isError()) {
            return true;
        }
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        double covered = 0;
        for (EventTrackerStatus s : segments.values()) {
            if (s.isErrorState()) {
                return true;
            }
            if (!passed(s.getTrackingToken(), position)) {
                return false;
            }
            covered += 1.0 / (s.getSegment().getMask() + 1);
        }
        // with several segments, every one must be past the target: a segment covers 1/(mask+1)
        if (!segments.isEmpty() && covered > 0.999) {
            return true;
        }
        List<StoredTokens.Stored> stored = elsewhere.get();
        boolean other = false;
        for (StoredTokens.Stored t : stored) {
            if (segments.containsKey(t.segment())) {
                continue;
            }
            other = true;
            if (!passed(t.token(), position)) {
                return false;
            }
        }
        return other; // no segment claimed anywhere yet: not passed
    }

    /**
     * True when the token has handled the event at {@code position}: at or beyond it, and the position is not one of
     * its gaps (other gaps below it, from other transactions, do not matter).
     */
    static boolean passed(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isPresent()) {
            return gapAware.get().getIndex() >= position && !gapAware.get().getGaps().contains(position);
        }
        return token.position().orElse(-1) >= position;
    }
}
