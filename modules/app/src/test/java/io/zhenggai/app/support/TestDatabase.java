package io.zhenggai.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database of one test run. When the PostgreSQL server at 127.0.0.1:5432 answers, a fresh database
 * {@code zhenggai_it_<time>_<random>} is created on it (so that leftovers of earlier runs never decide a result);
 * otherwise an embedded PostgreSQL starts in a temporary directory. Created once per JVM.
 */
public final class TestDatabase {

    private static final String HOST = System.getProperty("zhenggai.test.pg-host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("zhenggai.test.pg-port", 5432);
    private static final String ADMIN_USER = System.getProperty("zhenggai.test.pg-user", "postgres");

    private static String url;
    private static String user;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            if (serverAnswers()) {
                String name = "zhenggai_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                        + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", ADMIN_USER, "")) {
                    dropStaleDatabases(c);
                    c.createStatement().execute("create database " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test database on " + HOST + ":" + PORT, e);
                }
                url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
                user = ADMIN_USER;
            } else {
                try {
                    Path dir = Files.createTempDirectory("zhenggai-it-pg");
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
                    url = pg.getJdbcUrl("postgres", "postgres");
                    user = "postgres";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            System.out.println("[TestDatabase] this test run uses " + url);
        }
        return url;
    }

    /**
     * Another, empty database on the same server as {@link #url()}, for a test that writes read-model rows without
     * events (a replay of the shared database would not reproduce them). Named like the run's database, so stale ones
     * are dropped the same way.
     */
    public static synchronized String freshUrl(String purpose) {
        String shared = url();
        String name = "zhenggai_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + purpose + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        try (Connection c = DriverManager.getConnection(shared, user, "")) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        int path = shared.indexOf('/', "jdbc:postgresql://".length());
        int query = shared.indexOf('?', path);
        return shared.substring(0, path + 1) + name + (query < 0 ? "" : shared.substring(query));
    }

    /** Drops test databases of runs that started more than a day ago, so the server does not fill up. */
    private static void dropStaleDatabases(Connection c) throws SQLException {
        String cutoff = LocalDateTime.now().minusDays(1).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        java.util.List<String> stale = new java.util.ArrayList<>();
        try (var rs = c.createStatement().executeQuery("select datname from pg_database where datname like 'zhenggai_it_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String stamp = name.substring("zhenggai_it_".length(), Math.min(name.length(), "zhenggai_it_".length() + 15));
                if (stamp.compareTo(cutoff) < 0) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try {
                c.createStatement().execute("drop database if exists " + name);
            } catch (SQLException e) {
                System.out.println("[TestDatabase] could not drop stale " + name + ": " + e.getMessage());
            }
        }
    }

    public static String user() {
        url();
        return user;
    }

    private static boolean serverAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
