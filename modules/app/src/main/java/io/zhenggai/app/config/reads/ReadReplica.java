package io.zhenggai.app.config.reads;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The streaming replica that serves reads ({@code ZHENGGAI_DB_READ_URL}, ADR 0051) and the two positions that decide
 * whether it may answer (ADR 0052): the primary's WAL position after a command, and the replica's replay position.
 * A replica that cannot be reached is left alone for {@code down-for} (reads go to the primary meanwhile), then tried
 * again.
 */
public final class ReadReplica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    private final HikariDataSource replica;
    private final DataSource primary;
    private final Duration downFor;
    private volatile long downUntilNanos = System.nanoTime();
    private volatile boolean down;

    ReadReplica(HikariDataSource replica, DataSource primary, Duration downFor) {
        this.replica = replica;
        this.primary = primary;
        this.downFor = downFor;
    }

    /** False for {@code down-for} after the replica could not be reached. */
    public boolean available() {
        return !down || System.nanoTime() - downUntilNanos >= 0;
    }

    /** A connection to the replica; a failure marks it unavailable for a while. */
    public Connection connection() throws SQLException {
        try {
            Connection c = replica.getConnection();
            if (down) {
                down = false;
                log.info("The read replica answers again: reads are served by it");
            }
            return c;
        } catch (SQLException e) {
            markDown(e);
            throw e;
        }
    }

    private void markDown(Exception e) {
        downUntilNanos = System.nanoTime() + downFor.toNanos();
        if (!down) {
            log.warn("The read replica cannot be reached ({}): reads go to the primary for {}", e.getMessage(), downFor);
        }
        down = true;
    }

    /**
     * The primary's WAL position that covers every transaction committed so far, made durable and so sent to the
     * replicas. The projections commit asynchronously (ADR 0035) and a replica receives only flushed WAL, so a small
     * transactional WAL message (no table is written) is committed synchronously: its commit flushes the WAL up to
     * itself, past every earlier commit, and its position is the answer.
     */
    public String primaryPosition() {
        try (Connection c = primary.getConnection();
             PreparedStatement s = c.prepareStatement("select pg_logical_emit_message(true, 'zhenggai', '')::text");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            String lsn = rs.getString(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return lsn;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the primary's WAL position: " + e.getMessage(), e);
        }
    }

    /**
     * True when the replica has replayed the WAL up to {@code lsn}, waiting at most {@code wait} for it; false when it
     * has not by then, or cannot be asked.
     */
    public boolean replayed(String lsn, Duration wait) {
        if (!available()) {
            return false;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)")) {
            s.setString(1, lsn);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        } catch (SQLException e) {
            log.debug("cannot read the replica's replay position: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        replica.close();
    }
}
