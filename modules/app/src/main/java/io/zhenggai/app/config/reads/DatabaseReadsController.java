package io.zhenggai.app.config.reads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.app.config.DatabaseConfig;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;

/**
 * Which server answers this node's reads (ADR 0051), for {@code ADMIN}: asked in a read-only transaction, the same
 * way a query handler's reads are, so the answer comes from the connection a read would get.
 */
@RestController
@RequestMapping("/api/admin/database/reads")
@Tag(name = "管理 Admin", description = "Event processors and projection replay")
class DatabaseReadsController {

    /**
     * @param replicaConfigured {@code ZHENGGAI_DB_READ_URL} is set
     * @param servedBy          {@code replica} when the connection is to a server in recovery (a streaming replica),
     *                          else {@code primary}
     * @param replayLsn         the replica's replay position (null on the primary)
     */
    record DatabaseReads(boolean replicaConfigured, String servedBy, boolean inRecovery, String replayLsn) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final boolean replicaConfigured;

    DatabaseReadsController(DataSource dataSource, PlatformTransactionManager transactions, Environment env) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.replicaConfigured = DatabaseConfig.readReplica(env);
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "读库 Which server answers reads: the streaming replica or the primary")
    DatabaseReads reads() {
        return readOnly.execute(tx -> jdbc.queryForObject(
                "select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text",
                (rs, n) -> new DatabaseReads(replicaConfigured, rs.getBoolean(1) ? "replica" : "primary",
                        rs.getBoolean(1), rs.getString(2))));
    }
}
