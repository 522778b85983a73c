package io.zhenggai.reporting.chain;

import io.zhenggai.reporting.audit.StoredEvent;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the hash chain from the stored events and checks it in both directions, on one consistent snapshot:
 * every link matches a stored event (or, for a GAP link, no event exists at its position), and every stored event
 * up to the chain's head has a link. Links are checked one by one against the stored previous hash, so one altered
 * event yields one problem and the rest of the chain is still checked. Checkpoints handed out earlier (and one the
 * caller brings) must match the link at their position: this catches a rewrite of the events together with the
 * links after them.
 */
@Component
public class ChainVerifier {

    /** Why a link is broken. */
    public enum Reason {
        /** The stored event no longer hashes to its link: payload, metadata or another column was changed. */
        ALTERED,
        /** The link names an event that is no longer stored: the event was deleted. */
        MISSING_EVENT,
        /** A stored event at or below the chain's head has no link, or links are missing from the chain. */
        MISSING_LINK,
        /** An event is stored at a position chained as a gap: inserted after the fact (or committed far too late). */
        EVENT_AT_GAP,
        /** The link's previous hash or its own hash does not follow from the chain: the chain itself was changed. */
        LINK_ALTERED,
        /** A checkpoint handed out earlier does not match the chain at its position: history was rewritten. */
        CHECKPOINT_MISMATCH
    }

    /** One broken link: where, which event, what was expected and what was found. */
    public record Problem(long position, String eventId, Reason reason, String expected, String found, String detail) {
    }

    /**
     * The verdict. {@code ok} is false as soon as one link is broken. {@code unchainedEvents} are events newer than
     * the chain's head, not chained yet (normal for a moment; the writer waits on uncommitted positions).
     */
    public record Report(
            boolean ok,
            long eventsChecked,
            long gapsChecked,
            long checkpointsChecked,
            ChainHead head,
            long unchainedEvents,
            Long firstUnchainedPosition,
            Problem firstBroken,
            long problemCount,
            List<Problem> problems,
            Instant verifiedAt) {
    }

    /** A checkpoint to check: the hash that the link at {@code position} must have. */
    public record ExpectedHash(long position, String hash, String source) {
    }

    private static final int MAX_LISTED = 100;
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Report verify(List<ExpectedHash> extraCheckpoints) {
        return snapshot.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                return verify(c, extraCheckpoints);
            } catch (SQLException e) {
                throw new IllegalStateException("verification failed to read the store: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
    }

    private record Link(long position, String kind, String eventIdentifier, String hash, String prevHash) {
    }

    private final class Run {
        final List<Problem> problems = new ArrayList<>();
        long problemCount;
        long events;
        long gaps;
        long checkpoints;
        long unchained;
        Long firstUnchained;

        void problem(long position, String eventId, Reason reason, String expected, String found, String detail) {
            problemCount++;
            if (problems.size() < MAX_LISTED) {
                problems.add(new Problem(position, eventId, reason, expected, found, detail));
            }
        }
    }

    private Report verify(Connection c, List<ExpectedHash> extra) throws SQLException {
        Map<Long, List<ExpectedHash>> checkpoints = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select position, hash, issued_at from audit_checkpoint");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                checkpoints.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ExpectedHash(rs.getLong(1), rs.getString(2), "checkpoint issued at " + rs.getTimestamp(3).toInstant()));
            }
        }
        extra.forEach(x -> checkpoints.computeIfAbsent(x.position(), k -> new ArrayList<>()).add(x));

        ChainHead head = ChainHead.EMPTY;
        try (PreparedStatement ps = c.prepareStatement("select position, hash from audit_chain order by position desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                head = new ChainHead(rs.getLong(1), rs.getString(2));
            }
        }

        Run run = new Run();
        try (PreparedStatement evq = c.prepareStatement("select " + StoredEvent.COLUMNS
                + " from domain_event_entry e order by e.global_index");
             PreparedStatement lnq = c.prepareStatement("select position, kind, event_identifier, hash, prev_hash"
                     + " from audit_chain order by position")) {
            evq.setFetchSize(FETCH_SIZE);
            lnq.setFetchSize(FETCH_SIZE);
            try (ResultSet ev = evq.executeQuery(); ResultSet ln = lnq.executeQuery()) {
                StoredEvent e = ev.next() ? StoredEvent.read(ev) : null;
                Link l = ln.next() ? link(ln) : null;
                long expected = 1;
                String running = ChainHash.GENESIS;
                boolean resync = false;
                while (e != null || l != null) {
                    long pos = Math.min(e != null ? e.position() : Long.MAX_VALUE, l != null ? l.position() : Long.MAX_VALUE);
                    StoredEvent atE = e != null && e.position() == pos ? e : null;
                    Link atL = l != null && l.position() == pos ? l : null;

                    if (pos > expected && expected <= head.position()) {
                        long last = Math.min(pos - 1, head.position());
                        run.problem(expected, null, Reason.MISSING_LINK, null, null, last == expected
                                ? "链中缺少位置 " + expected + " 的链接"
                                : "链中缺少位置 " + expected + "–" + last + " 的链接");
                        resync = true;
                    }
                    if (atL == null) {
                        if (pos > head.position()) {
                            run.unchained++;
                            if (run.firstUnchained == null) {
                                run.firstUnchained = pos;
                            }
                        } else {
                            run.problem(pos, atE.eventIdentifier(), Reason.MISSING_LINK, null, null, "已存储的事件没有链接");
                            resync = true;
                        }
                    } else {
                        if (resync) {
                            running = atL.prevHash();
                            resync = false;
                        } else if (!atL.prevHash().equals(running)) {
                            run.problem(pos, atL.eventIdentifier(), Reason.LINK_ALTERED, running, atL.prevHash(),
                                    "链接的前一哈希与上一链接不符");
                            running = atL.prevHash();
                        }
                        if ("GAP".equals(atL.kind())) {
                            run.gaps++;
                            String computed = ChainHash.ofGap(running, pos);
                            if (atE != null) {
                                run.problem(pos, atE.eventIdentifier(), Reason.EVENT_AT_GAP, null, atE.eventIdentifier(),
                                        "该位置已记为空位（未提交），现在却有事件");
                            } else if (!computed.equals(atL.hash())) {
                                run.problem(pos, null, Reason.LINK_ALTERED, computed, atL.hash(), "空位链接的哈希不正确");
                            }
                        } else if (atE == null) {
                            run.problem(pos, atL.eventIdentifier(), Reason.MISSING_EVENT, atL.eventIdentifier(), null,
                                    "链接所指的事件已不存在（被删除）");
                        } else {
                            run.events++;
                            String computed = ChainHash.ofEvent(running, atE);
                            if (!atE.eventIdentifier().equals(atL.eventIdentifier())) {
                                run.problem(pos, atL.eventIdentifier(), Reason.ALTERED, atL.eventIdentifier(),
                                        atE.eventIdentifier(), "该位置的事件标识与链接不符（事件被替换）");
                            } else if (!computed.equals(atL.hash())) {
                                run.problem(pos, atE.eventIdentifier(), Reason.ALTERED, atL.hash(), computed,
                                        "事件内容与链接的哈希不符（事件被修改）");
                            }
                        }
                        for (ExpectedHash cp : checkpoints.getOrDefault(pos, List.of())) {
                            run.checkpoints++;
                            if (!cp.hash().equals(atL.hash())) {
                                run.problem(pos, atL.eventIdentifier(), Reason.CHECKPOINT_MISMATCH, cp.hash(), atL.hash(),
                                        "与检查点不符（" + cp.source() + "）：历史被重写");
                            }
                        }
                        running = atL.hash();
                    }
                    expected = pos + 1;
                    if (atE != null) {
                        e = ev.next() ? StoredEvent.read(ev) : null;
                    }
                    if (atL != null) {
                        l = ln.next() ? link(ln) : null;
                    }
                }
                if (expected <= head.position()) {
                    run.problem(expected, null, Reason.MISSING_LINK, null, null, "链中缺少位置 " + expected + " 起的链接");
                }
            }
        }
        for (long position : checkpoints.keySet()) {
            if (position > head.position()) {
                run.problem(position, null, Reason.CHECKPOINT_MISMATCH, null, null, "检查点的位置超出了链的末端");
            }
        }
        return new Report(run.problemCount == 0, run.events, run.gaps, run.checkpoints, head, run.unchained,
                run.firstUnchained, run.problems.isEmpty() ? null : run.problems.get(0), run.problemCount,
                List.copyOf(run.problems), clock.instant());
    }

    private static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
