package io.zhenggai.benchmark;

import io.zhenggai.benchmark.history.CopyWriter;
import io.zhenggai.benchmark.history.EventRow;
import io.zhenggai.benchmark.history.InspectionHistory;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Figure 1, what PostgreSQL itself does on this machine: plain JDBC inserts into {@code bench_event_entry}, a copy of
 * {@code domain_event_entry} (same columns and indexes, created with LIKE ... INCLUDING ALL, its own sequence), with
 * rows of the same shape and size as real events (from {@link InspectionHistory}). Also the raw ordered scan of the
 * event table that bounds a replay (figure 3).
 */
final class PhysicalLimit {

    static final String TABLE = "bench_event_entry";
    private static final String INSERT = "insert into " + TABLE + " (event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?,?,?,?,?,?,?,?,?)";
    private static final int POOL = 2_000;

    /** The result of one timed run. */
    record Run(long rows, double seconds, Histogram latencyNanos) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private final Database db;
    private final long seed;

    PhysicalLimit(Database db, long seed) {
        this.db = db;
        this.seed = seed;
    }

    void createTable() throws SQLException {
        try (Connection c = db.connect()) {
            Database.exec(c, "drop table if exists " + TABLE);
            Database.exec(c, "drop sequence if exists " + TABLE + "_seq");
            Database.exec(c, "create sequence " + TABLE + "_seq");
            Database.exec(c, "create table " + TABLE + " (like domain_event_entry including all)");
            Database.exec(c, "alter table " + TABLE + " alter column global_index set default nextval('" + TABLE + "_seq')");
        }
    }

    void dropTable() throws SQLException {
        try (Connection c = db.connect()) {
            Database.exec(c, "drop table if exists " + TABLE);
            Database.exec(c, "drop sequence if exists " + TABLE + "_seq");
        }
    }

    /** Index definitions of the copy and of the original, for the report (they must match). */
    List<String> indexes(String table) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select regexp_replace(indexdef, '^.* USING ', '') from pg_indexes where tablename = ? order by 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    private void truncate() throws SQLException {
        try (Connection c = db.connect()) {
            Database.exec(c, "truncate " + TABLE);
        }
    }

    /** {@code clients} threads, each inserting one row per transaction (autocommit) for {@code seconds}. */
    Run oneRowPerTransaction(int clients, double seconds) throws Exception {
        truncate();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(db.connect());
            }
            Histogram all = new Histogram(60_000_000_000L, 3);
            long[] counts = new long[clients];
            Histogram[] hist = new Histogram[clients];
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] deadline = new long[1];
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int id = t;
                List<EventRow> pool = pool(id);
                hist[t] = new Histogram(60_000_000_000L, 3);
                Thread th = new Thread(() -> {
                    try (PreparedStatement ps = connections.get(id).prepareStatement(INSERT)) {
                        start.await();
                        long n = 0;
                        while (System.nanoTime() < deadline[0]) {
                            long t0 = System.nanoTime();
                            bind(ps, row(pool, n, id));
                            ps.executeUpdate();
                            hist[id].recordValue(System.nanoTime() - t0);
                            n++;
                        }
                        counts[id] = n;
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "limit-" + t);
                threads.add(th);
                th.start();
            }
            long t0 = System.nanoTime();
            deadline[0] = t0 + (long) (seconds * 1e9);
            start.countDown();
            for (Thread th : threads) {
                th.join();
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("JDBC insert failed: " + failure.get(), failure.get());
            }
            long total = 0;
            for (int t = 0; t < clients; t++) {
                total += counts[t];
                all.add(hist[t]);
            }
            return new Run(total, elapsed, all);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** One client inserting 100 rows per transaction (a JDBC batch, then commit) for {@code seconds}. */
    Run hundredRowsPerTransaction(double seconds) throws Exception {
        truncate();
        List<EventRow> pool = pool(1000);
        Histogram h = new Histogram(60_000_000_000L, 3);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            long n = 0;
            long t0 = System.nanoTime();
            long deadline = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                long b0 = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    bind(ps, row(pool, n++, 1000));
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                h.recordValue(System.nanoTime() - b0);
            }
            return new Run(n, (System.nanoTime() - t0) / 1e9, h);
        }
    }

    /** One client streaming {@code rows} rows with COPY (binary) in one transaction. */
    Run copy(long rows) throws Exception {
        truncate();
        List<EventRow> pool = pool(2000);
        try (Connection c = db.connect()) {
            long t0 = System.nanoTime();
            try (CopyWriter w = new CopyWriter(c, TABLE)) {
                for (long n = 0; n < rows; n++) {
                    w.write(row(pool, n, 2000));
                }
            }
            return new Run(rows, (System.nanoTime() - t0) / 1e9, null);
        }
    }

    /** Reads the whole event table in global order over a cursor (all columns, as a replay does). */
    static Run rawScan(Database db) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                long t0 = System.nanoTime();
                long rows = 0;
                long bytes = 0;
                try (ResultSet rs = s.executeQuery("select global_index, event_identifier, aggregate_identifier, sequence_number,"
                        + " type, time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry order by global_index")) {
                    while (rs.next()) {
                        rows++;
                        byte[] p = rs.getBytes(9);
                        byte[] m = rs.getBytes(10);
                        bytes += p.length + (m == null ? 0 : m.length) + rs.getString(2).length() + rs.getString(3).length();
                    }
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                c.commit();
                return new Run(rows, elapsed, null);
            }
        }
    }

    /** Average payload and metadata bytes of the rows the limit inserts. */
    double[] rowSizes() {
        List<EventRow> pool = pool(0);
        double p = pool.stream().mapToInt(r -> r.payload().length).average().orElse(0);
        double m = pool.stream().mapToInt(r -> r.metaData().length).average().orElse(0);
        return new double[]{p, m};
    }

    private List<EventRow> pool(int thread) {
        InspectionHistory h = new InspectionHistory(seed + 7919L * (thread + 1), "L" + thread);
        List<EventRow> rows = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            rows.add(h.next());
        }
        return rows;
    }

    /** The n-th row a thread inserts: real payloads from the pool, identities made unique per cycle. */
    private static EventRow row(List<EventRow> pool, long n, int thread) {
        EventRow r = pool.get((int) (n % pool.size()));
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String eventId = new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
        return r.withIdentity(eventId, r.aggregateIdentifier() + "~" + (n / pool.size()), r.sequenceNumber());
    }

    private static void bind(PreparedStatement ps, EventRow r) throws SQLException {
        ps.setString(1, r.eventIdentifier());
        ps.setString(2, r.aggregateIdentifier());
        ps.setLong(3, r.sequenceNumber());
        ps.setString(4, r.type());
        ps.setString(5, r.timeStamp());
        ps.setString(6, r.payloadType());
        ps.setNull(7, java.sql.Types.VARCHAR);
        ps.setBytes(8, r.payload());
        ps.setBytes(9, r.metaData());
    }
}
