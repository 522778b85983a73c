package io.zhenggai.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The benchmark's own, fresh database: on the local PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres) when
 * it answers, otherwise on an embedded PostgreSQL (zonky, the same binaries the app embeds) that this harness runs
 * in a temporary directory, because the harness needs the database while the app is stopped (to preload history
 * and reset projections). Dropped at the end.
 */
final class Database implements AutoCloseable {

    static final List<String> KEY_SETTINGS = List.of("shared_buffers", "synchronous_commit", "fsync", "wal_level",
            "max_connections", "full_page_writes", "wal_buffers", "checkpoint_timeout", "max_wal_size", "work_mem",
            "effective_cache_size", "commit_delay", "server_encoding");

    final String mode;
    final String name;
    final String host;
    final int port;
    private final EmbeddedPostgres embedded;
    private final Path embeddedDir;
    private final boolean keep;

    private Database(String mode, String name, String host, int port, EmbeddedPostgres embedded, Path embeddedDir, boolean keep) {
        this.mode = mode;
        this.name = name;
        this.host = host;
        this.port = port;
        this.embedded = embedded;
        this.embeddedDir = embeddedDir;
        this.keep = keep;
    }

    static Database create(Options options, Log log) throws Exception {
        String name = "zhenggai_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        if (!options.dbMode().equals("embedded")) {
            String admin = url(options.dbHost(), options.dbPort(), "postgres");
            try (Connection c = DriverManager.getConnection(admin + "?connectTimeout=3", props())) {
                exec(c, "create database " + name);
                log.info("database: created %s on the local PostgreSQL %s:%d", name, options.dbHost(), options.dbPort());
                return new Database("local", name, options.dbHost(), options.dbPort(), null, null, options.keepDatabase());
            } catch (SQLException e) {
                if (options.dbMode().equals("local")) {
                    throw new IllegalStateException("no PostgreSQL at " + options.dbHost() + ":" + options.dbPort() + ": " + e.getMessage(), e);
                }
                log.info("database: nothing answers at %s:%d (%s): using an embedded PostgreSQL", options.dbHost(),
                        options.dbPort(), e.getMessage());
            }
        }
        Path dir = Files.createTempDirectory("zhenggai-bench-pg");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        try (Connection c = DriverManager.getConnection(url("localhost", pg.getPort(), "postgres"), props())) {
            exec(c, "create database " + name);
        }
        log.info("database: embedded PostgreSQL on port %d, data in %s", pg.getPort(), dir);
        return new Database("embedded", name, "localhost", pg.getPort(), pg, dir, false);
    }

    String jdbcUrl() {
        return url(host, port, name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), props());
    }

    /** Server version and the settings that bound commit and scan speed. */
    Map<String, Object> describe() throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mode", mode);
        d.put("database", name);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select version()")) {
                rs.next();
                d.put("version", rs.getString(1));
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String key : KEY_SETTINGS) {
                try (ResultSet rs = s.executeQuery("show " + key)) {
                    rs.next();
                    settings.put(key, rs.getString(1));
                }
            }
            d.put("settings", settings);
        }
        return d;
    }

    /** Connections still free on the server for this benchmark (max_connections less reserved less those in use). */
    int freeConnections() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('max_connections')::int"
                     + " - current_setting('superuser_reserved_connections')::int - (select count(*) from pg_stat_activity)")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect()) {
            exec(c, sql);
        }
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
            deleteTree(embeddedDir);
            return;
        }
        if (keep) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url(host, port, "postgres"), props())) {
            exec(c, "drop database if exists " + name + " with (force)");
        }
    }

    static String url(String host, int port, String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    static Properties props() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("ApplicationName", "zhenggai-benchmark");
        return p;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
