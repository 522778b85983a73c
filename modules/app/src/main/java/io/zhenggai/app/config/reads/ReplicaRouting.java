package io.zhenggai.app.config.reads;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where a read-only transaction reads (the read-only side of {@link RoutedDataSource}; ADR 0051). The replica, when
 * all of these hold, else the primary:
 * <ul>
 *     <li>the thread serves an HTTP {@code GET} or {@code HEAD} request: a read-only transaction of a command, a
 *     processor, a policy or a scheduled task reads its own writes on the primary;</li>
 *     <li>the replica answers (after a failure it is left alone for a while);</li>
 *     <li>the request's {@code X-Min-Lsn}, when it sends one, has been replayed by the replica within
 *     {@code zhenggai.db.read.min-lsn-wait} (ADR 0052).</li>
 * </ul>
 * The one rule for every read: query handlers (through the query bus's read-only transactions), audit exports and
 * verifications (their own read-only transactions) all come here.
 */
final class ReplicaRouting extends AbstractDataSource {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

    private final DataSource primary;
    private final ReadReplica replica;
    private final Duration minLsnWait;

    ReplicaRouting(DataSource primary, ReadReplica replica, Duration minLsnWait) {
        this.primary = primary;
        this.replica = replica;
        this.minLsnWait = minLsnWait;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (replicaServes()) {
            try {
                return replica.connection();
            } catch (SQLException e) {
                log.debug("read replica unavailable, reading from the primary: {}", e.getMessage());
            }
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private boolean replicaServes() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet) || !replica.available()) {
            return false;
        }
        HttpServletRequest request = servlet.getRequest();
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        Object minLsn = request.getAttribute(MinLsn.ATTRIBUTE);
        if (!(minLsn instanceof String lsn)) {
            return true;
        }
        Object replayed = request.getAttribute(MinLsn.REPLAYED);
        if (replayed instanceof Boolean known) {
            return known;
        }
        boolean answer = replica.replayed(lsn, minLsnWait);
        request.setAttribute(MinLsn.REPLAYED, answer);
        return answer;
    }
}
