package io.zhenggai.publication.compose;

import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Composes the facts of a notice AS OF a global position {@code P} of the event store: reads the event stream
 * through Axon's {@link EventStorageEngine} (so the upcasters apply and the payloads are deserialised exactly as
 * Axon reads them) in global order up to P, in one repeatable-read snapshot (so the head and the events agree), and
 * folds every message through the {@code @EventHandler} methods of a {@link NoticeFactsFolder}; the events it has
 * no handler for are not even deserialised. The same P always gives equal facts, so a draft can be rebuilt and
 * diffed later.
 */
@Component
public class NoticeComposer {

    public record Composition(long position, Instant positionTime, NoticeFacts facts) {
    }

    private final EventStorageEngine events;
    private final TransactionTemplate snapshot;

    public NoticeComposer(EventStorageEngine events, PlatformTransactionManager transactions) {
        this.events = events;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** The newest position of the event store (0 when empty). */
    public long head() {
        return position(events.createHeadToken());
    }

    /**
     * The facts of {@code inspectionId} as of {@code position} (the head when null).
     *
     * @throws NotFoundException when the inspection does not exist at that position
     */
    public Composition compose(String inspectionId, Long position) {
        return snapshot.execute(tx -> {
            long p = bounded(position);
            NoticeFactsFolder folder = new NoticeFactsFolder(inspectionId);
            Instant time = fold(p, folder::accept);
            NoticeFacts facts = folder.facts();
            if (facts == null) {
                throw new NotFoundException("inspection", inspectionId);
            }
            return new Composition(p, time, facts);
        });
    }

    /**
     * The facts of round {@code roundId} as of {@code position} (the head when null): every inspection of the round at
     * that position folded as its own notice would be, and summed (ADR 0026). The stream is read twice in the same
     * snapshot: once for the round's membership, once for the units' facts.
     *
     * @throws NotFoundException when the round does not exist at that position
     */
    public Composition composeRound(String roundId, Long position) {
        return snapshot.execute(tx -> {
            long p = bounded(position);
            RoundFactsFolder.Members members = new RoundFactsFolder.Members(roundId);
            fold(p, members::accept);
            RoundFactsFolder folder = new RoundFactsFolder(members);
            Instant time = fold(p, folder::accept);
            NoticeFacts facts = folder.facts();
            if (facts == null) {
                throw new NotFoundException("inspection round", roundId);
            }
            return new Composition(p, time, facts);
        });
    }

    private long bounded(Long position) {
        long head = head();
        if (position != null) {
            RuleViolationException.require(position >= 0 && position <= head, "POSITION_OUT_OF_RANGE",
                    "事件位置必须在 0 到 " + head + " 之间，收到：" + position);
        }
        return position != null ? position : head;
    }

    /** Feeds the events up to position {@code p} to {@code folder}, in global order; the time of the last one. */
    private Instant fold(long p, Consumer<EventMessage<?>> folder) {
        AtomicReference<Instant> time = new AtomicReference<>();
        if (p > 0) {
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                stream.takeWhile(m -> position(m.trackingToken()) <= p).forEach(m -> {
                    time.set(m.getTimestamp());
                    folder.accept(m);
                });
            }
        }
        return time.get();
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : Math.max(0, token.position().orElse(0));
    }
}
