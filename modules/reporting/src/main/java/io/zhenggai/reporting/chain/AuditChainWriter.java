package io.zhenggai.reporting.chain;

import io.zhenggai.reporting.audit.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The single ordered writer of {@code audit_chain}. It appends position p only when p-1 is chained, and only
 * as one of:
 * <ul>
 *   <li>an EVENT link, when an event is stored at p;</li>
 *   <li>a GAP link, when p was drawn from the global-index sequence but its transaction rolled back, so no event
 *       will ever be stored there.</li>
 * </ul>
 * Transactions commit out of global-index order, so an event at p+1 can be visible before the one at p. The writer
 * never skips such a hole: it waits until every transaction that could still insert at p has ended. All positions
 * below a committed event were drawn before that event committed; so once the writer has seen the hole it waits
 * {@code gap-grace} (covering the instant between drawing a position and the transaction getting its id), notes
 * the next transaction id then ({@code txid_snapshot_xmax}), and chains the hole as GAP when every transaction older
 * than that id has ended ({@code txid_snapshot_xmin} has passed it) and p is still empty. Should an old transaction
 * hold the oldest-xid back for longer than {@code gap-max-wait} (60 s, Axon's own gap timeout, after which its
 * processors skip the position too), the hole is chained as GAP anyway with a warning; an event committing there
 * later is then reported by the verification as {@code EVENT_AT_GAP}: never silently accepted.
 *
 * <p>One thread in this process; a PostgreSQL advisory lock ({@code pg_try_advisory_xact_lock}) makes it one
 * writer across nodes, and the primary key on position rejects any second link for a position. It runs every
 * {@code zhenggai.audit.chain.interval} (200 ms) and on demand ({@link #catchUp()}).
 */
@Component
public class AuditChainWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);

    /** Advisory lock key of the chain writer ("zgchain"). */
    static final long LOCK_KEY = 0x7a6763_6861696eL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final Duration interval;
    private final Duration gapGrace;
    private final Duration gapMaxWait;
    private final int batchSize;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-chain-writer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;

    /** The hole the writer is waiting on (confined to the writer thread). */
    private GapSighting pendingGap;
    private String lastFailure;

    private static final class GapSighting {
        final long from;
        final long firstSeenNanos;
        Long xmax;

        GapSighting(long from, long firstSeenNanos) {
            this.from = from;
            this.firstSeenNanos = firstSeenNanos;
        }
    }

    AuditChainWriter(DataSource dataSource, PlatformTransactionManager transactions,
                     @Value("${zhenggai.audit.chain.enabled:true}") boolean enabled,
                     @Value("${zhenggai.audit.chain.interval:200ms}") String interval,
                     @Value("${zhenggai.audit.chain.gap-grace:1s}") String gapGrace,
                     @Value("${zhenggai.audit.chain.gap-max-wait:60s}") String gapMaxWait,
                     @Value("${zhenggai.audit.chain.batch-size:500}") int batchSize) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.interval = DurationStyle.detectAndParse(interval);
        this.gapGrace = DurationStyle.detectAndParse(gapGrace);
        this.gapMaxWait = DurationStyle.detectAndParse(gapMaxWait);
        this.batchSize = batchSize;
    }

    @Override
    public void start() {
        if (enabled) {
            long ms = Math.max(10, interval.toMillis());
            executor.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Chains everything that can be chained now (on the writer thread) and answers the head. */
    public ChainHead catchUp() {
        try {
            return executor.submit(() -> {
                appendAll();
                return head();
            }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chaining the event store", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("chaining the event store failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("chaining the event store took longer than 60 s", e);
        }
    }

    /** The last link written (read from the table, so it reflects every node). */
    public ChainHead head() {
        List<ChainHead> heads = jdbc.query("select position, hash from audit_chain order by position desc limit 1",
                (rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)));
        return heads.isEmpty() ? ChainHead.EMPTY : heads.get(0);
    }

    private void tick() {
        try {
            appendAll();
            lastFailure = null;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(lastFailure)) {
                log.warn("Audit chain writer failed (will retry): {}", message);
                lastFailure = message;
            }
        }
    }

    private void appendAll() {
        while (appendBatch() > 0) {
            // until nothing more can be chained now
        }
    }

    private record Link(long position, String kind, String eventIdentifier, String hash, String prevHash) {
    }

    /** Appends the next links in one transaction; answers how many. */
    private int appendBatch() {
        Integer appended = tx.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return 0; // another node is writing
            }
            ChainHead head = head();
            List<StoredEvent> batch = jdbc.query("select " + StoredEvent.COLUMNS
                            + " from domain_event_entry e where e.global_index > ? order by e.global_index limit ?",
                    (rs, n) -> StoredEvent.read(rs), head.position(), batchSize);
            List<Link> links = new ArrayList<>();
            long expected = head.position() + 1;
            String prev = head.hash();
            for (StoredEvent e : batch) {
                if (e.position() > expected) {
                    if (!holeIsPermanent(expected, e.position())) {
                        break;
                    }
                    for (long p = expected; p < e.position(); p++) {
                        String hash = ChainHash.ofGap(prev, p);
                        links.add(new Link(p, "GAP", null, hash, prev));
                        prev = hash;
                    }
                    expected = e.position();
                }
                String hash = ChainHash.ofEvent(prev, e);
                links.add(new Link(e.position(), "EVENT", e.eventIdentifier(), hash, prev));
                prev = hash;
                expected = e.position() + 1;
            }
            if (!links.isEmpty()) {
                jdbc.batchUpdate("insert into audit_chain (position, kind, event_identifier, hash, prev_hash) values (?, ?, ?, ?, ?)",
                        links, links.size(), (ps, l) -> {
                            ps.setLong(1, l.position());
                            ps.setString(2, l.kind());
                            ps.setString(3, l.eventIdentifier());
                            ps.setString(4, l.hash());
                            ps.setString(5, l.prevHash());
                        });
            }
            if (pendingGap != null && pendingGap.from < expected) {
                pendingGap = null;
            }
            return links.size();
        });
        return appended == null ? 0 : appended;
    }

    /**
     * Whether positions {@code from} .. {@code nextEvent - 1} will never hold an event. All of them were drawn
     * before the event at {@code nextEvent} committed, which was before the writer first saw the hole.
     */
    private boolean holeIsPermanent(long from, long nextEvent) {
        long now = System.nanoTime();
        if (pendingGap == null || pendingGap.from != from) {
            pendingGap = new GapSighting(from, now);
            return false;
        }
        long age = now - pendingGap.firstSeenNanos;
        if (age < gapGrace.toNanos()) {
            return false;
        }
        if (pendingGap.xmax == null) {
            pendingGap.xmax = jdbc.queryForObject("select txid_snapshot_xmax(txid_current_snapshot())", Long.class);
            return false;
        }
        Long xmin = jdbc.queryForObject("select txid_snapshot_xmin(txid_current_snapshot())", Long.class);
        boolean settled = xmin != null && xmin >= pendingGap.xmax;
        boolean timedOut = age >= gapMaxWait.toNanos();
        if (!settled && !timedOut) {
            return false;
        }
        // a statement after the xmin check sees every transaction that ended before it
        Long present = jdbc.queryForObject("select count(*) from domain_event_entry where global_index >= ? and global_index < ?",
                Long.class, from, nextEvent);
        if (!Objects.equals(present, 0L)) {
            return false; // a late event arrived: it is chained in order on the next round
        }
        if (settled) {
            log.info("Event store positions {}..{} were never committed (rolled back): chained as gaps", from, nextEvent - 1);
        } else {
            log.warn("Event store positions {}..{} still empty after {} while older transactions are open: chained as gaps; "
                    + "an event committed there later will be reported by the audit verification", from, nextEvent - 1, gapMaxWait);
        }
        return true;
    }
}
