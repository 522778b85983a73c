package io.zhenggai.reporting.replay;

import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import io.zhenggai.platform.readside.StoredTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lists the event processors and rebuilds a projection from the event store: shut the processor down, reset its
 * tokens (which runs the projection's {@code @ResetHandler}, clearing its tables), start it again; it then replays
 * every event from the beginning while the API keeps answering from the partly rebuilt tables. A processor whose
 * handlers do not support reset (side-effecting handlers marked {@code @DisallowReplay}, sagas) is refused.
 *
 * <p>Positions come from the processor's live status on this node, or from its tokens in {@code token_entry}
 * (segments claimed elsewhere); events per second are measured by sampling the position every second.
 *
 * <p>The same sampling finds stalls: a processor on this node is <em>blocked</em> while it is in error (the
 * processor or one of its segments), not running, or behind the head without advancing since the last sample;
 * it is <em>stalled</em> once it has been blocked without a break for {@code zhenggai.projections.stall-after}.
 * Events it parked in its dead-letter queue ({@link DeadLetterAdmin}) do not block it: it goes on with the rest.
 */
@Component
public class ProjectionAdmin implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Deque<long[]>> samples = new ConcurrentHashMap<>();
    private final Map<String, ReplayRequest> lastReplays = new ConcurrentHashMap<>();
    private final Map<String, Blocked> blocked = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPositions = new ConcurrentHashMap<>();
    private final Map<String, Long> highWater = new ConcurrentHashMap<>();
    private final Duration stallAfter;
    private final DeadLetterAdmin deadLetters;
    private final ProcessorErrors errors;
    private final StoredTokens tokens;
    private ScheduledExecutorService sampler;
    private volatile boolean running;

    ProjectionAdmin(ObjectProvider<EventProcessingConfiguration> processing,
                    JdbcClient jdbc, Clock clock,
                    @Value("${zhenggai.projections.stall-after:PT2M}") Duration stallAfter, DeadLetterAdmin deadLetters,
                    ProcessorErrors errors, StoredTokens tokens) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.stallAfter = stallAfter;
        this.deadLetters = deadLetters;
        this.errors = errors;
        this.tokens = tokens;
    }

    /** Since when a processor has been blocked without a break, and why (as last seen). */
    public record Blocked(Instant since, String reason) {
    }

    /** A processor blocked for at least {@code stall-after}: what the readiness check reports. */
    public record Stall(String name, Instant since, String reason) {
    }

    /** One processor: its state, how far it got against the head of the event store, and how fast. */
    public record ProjectionStatus(
            String name,
            String processorType,
            boolean running,
            boolean error,
            boolean replaying,
            boolean supportsReset,
            Long position,
            long head,
            Long behind,
            Double progress,
            Double eventsPerSecond,
            List<SegmentStatus> segments,
            ReplayRequest lastReplay,
            boolean stalled,
            Blocked blocked,
            DeadLetterAdmin.Summary deadLetters) {
    }

    /**
     * One segment. {@code claimedHere}: processed by this node (live status); otherwise read from its token.
     * {@code resetPosition}: during a replay, the position at which the replay ends; {@code replaying} is true while
     * the segment's position is below it.
     */
    public record SegmentStatus(int segment, Long position, boolean replaying, Long resetPosition, Boolean caughtUp,
                                boolean claimedHere, String owner, String error) {
    }

    public record ReplayRequest(String requestedBy, Instant requestedAt) {
    }

    public List<ProjectionStatus> list() {
        long head = head();
        Map<String, DeadLetterAdmin.Summary> letters = deadLetters.summaries();
        return processors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(p -> status(p, head, letters))
                .toList();
    }

    public ProjectionStatus status(String name) {
        return status(processor(name), head(), deadLetters.summaries());
    }

    /** The processors of this node that have been blocked for at least {@code stall-after}. */
    public List<Stall> stalls() {
        Instant now = clock.instant();
        return blocked.entrySet().stream()
                .filter(e -> isStalled(e.getValue(), now))
                .map(e -> new Stall(e.getKey(), e.getValue().since(), e.getValue().reason()))
                .sorted(Comparator.comparing(Stall::name))
                .toList();
    }

    public Duration stallAfter() {
        return stallAfter;
    }

    private boolean isStalled(Blocked b, Instant now) {
        return b != null && !b.since().plus(stallAfter).isAfter(now);
    }

    /** shutDown → resetTokens → start. Refused (409) when the processor cannot be reset. */
    public ReplayRequest replay(String name, String requestedBy) {
        EventProcessor processor = processor(name);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw RuleViolationException.conflict("PROJECTION_NOT_REPLAYABLE",
                    "处理器 " + name + " 不是流式处理器，不能从事件存储重放");
        }
        if (!streaming.supportsReset()) {
            throw RuleViolationException.conflict("PROJECTION_REPLAY_NOT_SUPPORTED",
                    "处理器 " + name + " 含有不允许重放的处理程序（如会产生副作用的策略），不能重放");
        }
        synchronized (this) {
            log.info("Replay of {} requested by {}", name, requestedBy);
            streaming.shutDown();
            try {
                streaming.resetTokens();
            } catch (RuntimeException e) {
                streaming.start();
                throw RuleViolationException.conflict("PROJECTION_RESET_FAILED",
                        "处理器 " + name + " 的位置无法重置（可能正由其他节点处理）：" + e.getMessage());
            }
            streaming.start();
            samples.remove(name);
            highWater.remove(name);
            errors.clear(name);
            ReplayRequest request = new ReplayRequest(requestedBy, clock.instant());
            lastReplays.put(name, request);
            return request;
        }
    }

    private Map<String, EventProcessor> processors() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        return config == null ? Map.of() : config.eventProcessors();
    }

    private EventProcessor processor(String name) {
        EventProcessor processor = processors().get(name);
        if (processor == null) {
            throw new NotFoundException("projection", name);
        }
        return processor;
    }

    long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    private ProjectionStatus status(EventProcessor p, long head, Map<String, DeadLetterAdmin.Summary> letters) {
        DeadLetterAdmin.Summary parked = letters.getOrDefault(p.getName(), DeadLetterAdmin.Summary.NONE);
        if (!(p instanceof StreamingEventProcessor s)) {
            return new ProjectionStatus(p.getName(), p.getClass().getSimpleName(), p.isRunning(), p.isError(), false,
                    false, null, head, null, null, null, List.of(), lastReplays.get(p.getName()), false, null, parked);
        }
        List<SegmentStatus> segments = segments(s);
        Long position = segments.stream().map(SegmentStatus::position)
                .reduce((a, b) -> a == null || b == null ? null : Math.min(a, b)).orElse(null);
        boolean replaying = segments.stream().anyMatch(SegmentStatus::replaying);
        Long behind = position == null ? null : Math.max(0, head - position);
        Double progress = position == null ? null : head == 0 ? 1.0 : Math.min(1.0, (double) position / head);
        // Axon's own flag covers the coordinator only; a failing batch shows in its segment, or (once the segment was
        // released to be retried) in the failure recorded until the processor advances again
        boolean error = p.isError() || segments.stream().anyMatch(seg -> seg.error() != null)
                || errors.last(p.getName()).isPresent();
        Blocked b = blocked.get(p.getName());
        return new ProjectionStatus(p.getName(), p.getClass().getSimpleName(), p.isRunning(), error, replaying,
                s.supportsReset(), position, head, behind, progress, rate(p.getName()), segments,
                lastReplays.get(p.getName()), isStalled(b, clock.instant()), b, parked);
    }

    private List<SegmentStatus> segments(StreamingEventProcessor s) {
        Map<Integer, SegmentStatus> bySegment = new TreeMap<>();
        for (StoredToken t : storedTokens(s.getName())) {
            bySegment.put(t.segment, new SegmentStatus(t.segment, t.position,
                    replaying(t.replaying, t.position, t.resetPosition), t.resetPosition, null, false, t.owner, null));
        }
        for (Map.Entry<Integer, EventTrackerStatus> e : s.processingStatus().entrySet()) {
            EventTrackerStatus st = e.getValue();
            SegmentStatus stored = bySegment.get(e.getKey());
            Long position = value(st.getCurrentPosition());
            Long resetPosition = value(st.getResetPosition());
            bySegment.put(e.getKey(), new SegmentStatus(e.getKey(), position,
                    replaying(st.isReplaying(), position, resetPosition), resetPosition, st.isCaughtUp(), true, stored == null ? null : stored.owner(),
                    st.isErrorState() && st.getError() != null ? st.getError().getMessage() : null));
        }
        return new ArrayList<>(bySegment.values());
    }

    /**
     * Axon keeps a replay token until the first event <em>after</em> the reset point arrives; for people the replay
     * is over once the segment has reprocessed the history up to the position it had when the replay was requested.
     */
    private static boolean replaying(boolean replayToken, Long position, Long resetPosition) {
        return replayToken && (position == null || resetPosition == null || position < resetPosition);
    }

    record StoredToken(int segment, Long position, boolean replaying, Long resetPosition, String owner) {
    }

    List<StoredToken> storedTokens(String processorName) {
        return tokens.of(processorName).stream().map(t -> new StoredToken(t.segment(),
                t.token() == null ? null : value(t.token().position()),
                t.token() != null && ReplayToken.isReplay(t.token()),
                t.token() == null ? null : value(ReplayToken.getTokenAtReset(t.token())), t.owner())).toList();
    }

    private static Long value(OptionalLong v) {
        return v != null && v.isPresent() ? v.getAsLong() : null;
    }

    private Double rate(String name) {
        Deque<long[]> s = samples.get(name);
        if (s == null) {
            return null;
        }
        synchronized (s) {
            if (s.size() < 2) {
                return null;
            }
            long[] first = s.peekFirst();
            long[] last = s.peekLast();
            double seconds = (last[0] - first[0]) / 1e9;
            return seconds <= 0 ? null : Math.round((last[1] - first[1]) / seconds * 10) / 10.0;
        }
    }

    void sample() {
        try {
            long now = System.nanoTime();
            Map<String, EventProcessor> all = processors();
            long head = all.isEmpty() ? 0 : head();
            for (EventProcessor p : all.values()) {
                if (!(p instanceof StreamingEventProcessor s)) {
                    continue;
                }
                Map<Integer, EventTrackerStatus> live = s.processingStatus();
                Long position = live.values().stream()
                        .map(st -> value(st.getCurrentPosition()))
                        .reduce((a, b) -> a == null || b == null ? null : Math.min(a, b)).orElse(null);
                track(p, live, position, head);
                if (position == null) {
                    continue;
                }
                Deque<long[]> deque = samples.computeIfAbsent(p.getName(), k -> new ArrayDeque<>());
                synchronized (deque) {
                    if (!deque.isEmpty() && deque.peekLast()[1] > position) {
                        deque.clear(); // the processor was reset
                    }
                    deque.addLast(new long[]{now, position});
                    while (deque.size() > 2 && now - deque.peekFirst()[0] > WINDOW_NANOS) {
                        deque.removeFirst();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.debug("Sampling processor positions failed: {}", e.getMessage());
        }
    }

    /**
     * Blocked: in error, not running, or behind the head without having advanced since the last sample. A
     * processor whose segments are all claimed by another node is left to that node.
     */
    private void track(EventProcessor p, Map<Integer, EventTrackerStatus> live, Long position, long head) {
        String name = p.getName();
        // a live segment without a position has not handled its first event yet: it is at the very beginning
        Long at = position != null ? position : live.isEmpty() ? null : Long.valueOf(0);
        Long previous = at == null ? lastPositions.remove(name) : lastPositions.put(name, at);
        Long highest = highWater.get(name);
        if (at != null) {
            highWater.merge(name, at, Math::max);
        }
        if (at != null && (at >= head || highest != null && at > highest)) {
            errors.clear(name); // caught up, or further than ever before (a segment claimed again restarts lower)
        }
        String lastError = errors.last(name).map(ProcessorErrors.Failure::cause).orElse(null);
        String segmentError = live.values().stream().filter(EventTrackerStatus::isErrorState)
                .map(st -> st.getError() == null ? "error" : String.valueOf(st.getError().getMessage()))
                .findFirst().orElse(null);
        String reason = null;
        if (p.isError() || segmentError != null) {
            reason = "处理出错：" + (segmentError != null ? segmentError : lastError != null ? lastError : "processor in error");
        } else if (live.isEmpty() && lastError != null) {
            reason = "处理出错，段已释放并将重试：" + lastError;
        } else if (live.isEmpty() && unclaimedAndBehind(name, head)) {
            reason = p.isRunning() ? "没有节点在处理，事件在等待" : "处理器未运行，事件在等待";
        } else if (!p.isRunning() && !live.isEmpty()) {
            reason = "处理器未运行";
        } else if (at != null && at < head && previous != null && previous.equals(at)) {
            reason = "落后于事件存储头部且没有前进（位置 " + at + "，头部 " + head + "）"
                    + (lastError != null ? "；最近的错误：" + lastError : "");
        }
        if (reason == null) {
            blocked.remove(name);
        } else {
            String why = reason;
            blocked.compute(name, (k, b) -> b == null ? new Blocked(clock.instant(), why) : new Blocked(b.since(), why));
        }
    }

    /** No segment on this node: blocked when no node holds its tokens either and it is behind the head. */
    private boolean unclaimedAndBehind(String name, long head) {
        List<StoredToken> tokens = storedTokens(name);
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> t.owner == null)
                && tokens.stream().anyMatch(t -> t.position == null || t.position < head);
    }

    @Override
    public void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "projection-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleWithFixedDelay(this::sample, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
