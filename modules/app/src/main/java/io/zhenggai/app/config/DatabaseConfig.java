package io.zhenggai.app.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zhenggai.app.config.reads.RoutedDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The database: the PostgreSQL named by {@code ZHENGGAI_DB_URL} when it is set, otherwise an embedded
 * PostgreSQL (real binaries, from zonky) whose files live in {@code ZHENGGAI_DATA_DIR} (default {@code ./data})
 * so that data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /** True when no external database URL is configured. */
    public static boolean embedded(Environment env) {
        return !StringUtils.hasText(env.getProperty("zhenggai.db.url"));
    }

    static class EmbeddedCondition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embedded(context.getEnvironment());
        }
    }

    static class ExternalCondition implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !embedded(context.getEnvironment());
        }
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedCondition.class)
    EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
        Path dir = Path.of(env.getProperty("zhenggai.data-dir", "./data")).toAbsolutePath().normalize().resolve("pg");
        Files.createDirectories(dir);
        int port = env.getProperty("zhenggai.db.embedded-port", Integer.class, 0);
        log.info("No ZHENGGAI_DB_URL set: starting embedded PostgreSQL with its data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // closed by Spring after Axon's processors have stopped
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedCondition.class)
    DataSource embeddedDataSource(EmbeddedPostgres postgres, Environment env) {
        return pool("zhenggai", postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, env);
    }

    /**
     * The external database; with {@code ZHENGGAI_DB_READ_URL} set, read-only transactions of HTTP reads go to that
     * streaming replica and everything else to the primary (ADR 0051).
     */
    @Bean(destroyMethod = "close")
    @Conditional(ExternalCondition.class)
    DataSource externalDataSource(Environment env) {
        HikariDataSource primary = pool("zhenggai", env.getProperty("zhenggai.db.url"), env.getProperty("zhenggai.db.user"),
                env.getProperty("zhenggai.db.password"), env);
        if (!readReplica(env)) {
            return primary;
        }
        String readUrl = env.getProperty("zhenggai.db.read.url");
        log.info("Reads from the streaming replica at {} (ZHENGGAI_DB_READ_URL)", readUrl);
        HikariConfig config = config("zhenggai-read", readUrl, env.getProperty("zhenggai.db.read.user"),
                env.getProperty("zhenggai.db.read.password"), env.getProperty("zhenggai.db.read.pool-size", Integer.class, 8));
        config.setReadOnly(true);
        config.setConnectionTimeout(env.getProperty("zhenggai.db.read.connect-timeout", Duration.class, Duration.ofSeconds(1)).toMillis());
        config.setInitializationFailTimeout(-1); // a node starts while its replica is down: reads go to the primary
        config.setMinimumIdle(1);
        return new RoutedDataSource(primary, new HikariDataSource(config),
                env.getProperty("zhenggai.db.read.min-lsn-wait", Duration.class, Duration.ofMillis(200)),
                env.getProperty("zhenggai.db.read.down-for", Duration.class, Duration.ofSeconds(10)));
    }

    /** True when an external database and a read replica are configured. */
    public static boolean readReplica(Environment env) {
        return !embedded(env) && StringUtils.hasText(env.getProperty("zhenggai.db.read.url"));
    }

    private static HikariDataSource pool(String name, String url, String user, String password, Environment env) {
        HikariConfig config = config(name, url, user, password, env.getProperty("zhenggai.db.pool-size", Integer.class, 12));
        config.setMinimumIdle(2);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("Cannot connect to PostgreSQL at " + url + ": " + e.getMessage(), e));
        }
    }

    private static HikariConfig config(String name, String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        if (StringUtils.hasText(user)) {
            config.setUsername(user);
        }
        if (StringUtils.hasText(password)) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        return config;
    }
}
