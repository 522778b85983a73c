package io.zhenggai.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own for a test that runs an application apart from the shared one (a fault test that floods,
 * kills or restarts it must not disturb the other tests): a fresh database on the PostgreSQL server at
 * 127.0.0.1:5432 when it answers, otherwise an embedded PostgreSQL. {@link #close()} drops it.
 */
public final class OwnDatabase implements AutoCloseable {

    private final String url;
    private final String name;
    private final EmbeddedPostgres embedded;

    private OwnDatabase(String url, String name, EmbeddedPostgres embedded) {
        this.url = url;
        this.name = name;
        this.embedded = embedded;
    }

    public static OwnDatabase create(String purpose) {
        if (serverAnswers()) {
            String name = "zhenggai_it_" + purpose + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
            try (Connection c = admin()) {
                c.createStatement().execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create " + name, e);
            }
            return new OwnDatabase("jdbc:postgresql://127.0.0.1:5432/" + name, name, null);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("zhenggai-" + purpose + "-pg"))
                    .setCleanDataDirectory(true).start();
            return new OwnDatabase(pg.getJdbcUrl("postgres", "postgres"), null, pg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return "postgres";
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(url, user(), ""));
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
        if (name != null) {
            try (Connection c = admin()) {
                c.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    private static boolean serverAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
