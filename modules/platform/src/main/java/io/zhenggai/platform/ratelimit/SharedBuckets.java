package io.zhenggai.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Token buckets kept in PostgreSQL (table {@code rate_limit_bucket}) through Bucket4j's PostgreSQL backend, so that a
 * limit holds across every node on the database (ADR 0049): each take locks the bucket's row ({@code select … for
 * update}), computes in Bucket4j and writes the new state in the same short transaction. A bucket's row expires once
 * it would be full again (plus a minute) and {@link #removeExpired} deletes such rows; an id is
 * {@code <limit name>:<key>}. Used through {@code platform.web.KeyedRateLimiter}; a package of its own because web
 * code never touches the database (ModularityTest).
 */
public final class SharedBuckets {

    static final String TABLE = "rate_limit_bucket";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final JdbcClient jdbc;

    public SharedBuckets(DataSource dataSource) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The bucket {@code id}, created with {@code configuration} on its first use (by any node). */
    public Bucket bucket(String id, Supplier<BucketConfiguration> configuration) {
        return proxies.getProxy(id, configuration);
    }

    /** Whether any of the buckets exists: one indexed read without a lock (no row: never used, or full again). */
    public boolean anyExists(List<String> ids) {
        return jdbc.sql("select exists (select 1 from " + TABLE + " where id in (:ids))").param("ids", ids)
                .query(Boolean.class).single();
    }

    /** Deletes the buckets of one limit. */
    public void clear(String name) {
        jdbc.sql("delete from " + TABLE + " where id like :prefix").param("prefix", name.replace("%", "\\%").replace("_", "\\_") + ":%")
                .update();
    }

    /** Deletes up to {@code batch} buckets that are full again (their rows expired); answers how many. */
    public int removeExpired(int batch) {
        return proxies.removeExpired(batch);
    }
}
