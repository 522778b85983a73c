package io.zhenggai.app.reads;

import io.zhenggai.ZhenggaiApplication;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.OwnDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node whose reads are served by a streaming replica ({@code ZHENGGAI_DB_READ_URL}, ADR 0051 and 0052), on a real
 * replica: the one {@code .ci/run} makes on 127.0.0.1:5433 ({@code pg_basebackup -R} of the server on 5432), or the
 * one {@code ZHENGGAI_TEST_REPLICA_URL} names ({@code jdbc:postgresql://host:port}, without a database). Without a
 * replica the test is skipped, saying why.
 * <p>
 * The node runs on a database of its own, created on the primary; the test waits until streaming has brought it to
 * the replica before the node starts. One test pauses the replica's replay, which no other test uses.
 */
class ReplicaIT {

    private static final String DEFAULT_REPLICA = "jdbc:postgresql://127.0.0.1:5433";

    private static OwnDatabase db;
    private static String replicaBase;
    private static String replicaUrl;
    private static ConfigurableApplicationContext node;
    private static ApiClient api;

    @BeforeAll
    static void replicaAndNode() throws Exception {
        String configured = System.getenv("ZHENGGAI_TEST_REPLICA_URL");
        replicaBase = configured == null || configured.isBlank() ? DEFAULT_REPLICA : configured.strip().replaceAll("/+$", "");
        String why = standby(replicaBase + "/postgres");
        if (why != null) {
            Assumptions.abort("ReplicaIT needs a streaming replica of 127.0.0.1:5432 (.ci/run makes one on 5433, or set "
                    + "ZHENGGAI_TEST_REPLICA_URL): " + why);
        }
        db = OwnDatabase.create("replica");
        String name = db.url().substring(db.url().lastIndexOf('/') + 1);
        replicaUrl = replicaBase + "/" + name;
        try {
            await("database " + name + " streamed to the replica " + replicaBase).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> standby(replicaUrl) == null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Assumptions.abort("the server at " + replicaBase + " is a standby but not of 127.0.0.1:5432: " + name
                    + " did not reach it in 60 s");
        }
        node = new SpringApplicationBuilder(ZhenggaiApplication.class).run(
                "--server.port=0",
                "--zhenggai.db.url=" + db.url(),
                "--zhenggai.db.user=postgres",
                "--zhenggai.db.read.url=" + replicaUrl,
                "--zhenggai.db.read.catch-up-timeout=1s",
                "--zhenggai.demo-accounts=true",
                "--zhenggai.seed.enabled=false",
                "--logging.level.io.zhenggai.app.config.reads=DEBUG");
        api = new ApiClient(node.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicaBase != null && standby(replicaBase + "/postgres") == null) {
            replica("select pg_wal_replay_resume()");
        }
        if (node != null) {
            node.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void readsAreAnsweredByTheReplica() {
        Response reads = api.as("admin").get("/api/admin/database/reads");
        assertThat(reads.status()).as(reads.toString()).isEqualTo(200);
        assertThat(reads.json().get("replicaConfigured").asBoolean()).isTrue();
        assertThat(reads.json().get("inRecovery").asBoolean()).as("the connection a read gets is to a standby").isTrue();
        assertThat(reads.json().get("servedBy").asText()).isEqualTo("replica");
        assertThat(reads.json().get("replayLsn").asText()).matches("[0-9A-F]+/[0-9A-F]+");
    }

    @Test
    void aReadRightAfterACommandShowsIt() {
        for (int i = 0; i < 5; i++) {
            String round = "round-" + UUID.randomUUID().toString().substring(0, 8);
            Response created = createRound(round);
            assertThat(created.header("X-Min-Lsn")).as("the primary's position the reads need").matches("[0-9A-F]+/[0-9A-F]+");
            Response read = api.as("auditor").get("/api/inspection-rounds/" + round);
            assertThat(read.status()).as("read at once, from the replica: " + read).isEqualTo(200);
            assertThat(read.json().get("name").asText()).isEqualTo("十三届区委第三轮巡察");
        }
    }

    @Test
    void aReplicaBehindTheCommandIsNotAskedForItWhenTheClientSaysSo() throws Exception {
        replica("select pg_wal_replay_pause()");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> "paused".equals(replica("select pg_get_wal_replay_pause_state()")));
            String round = "round-" + UUID.randomUUID().toString().substring(0, 8);
            Response created = createRound(round);
            String lsn = created.header("X-Min-Lsn");
            assertThat(lsn).isNotBlank();

            Response fromReplica = api.as("auditor").get("/api/inspection-rounds/" + round);
            assertThat(fromReplica.status()).as("served by the replica, which has not replayed the round yet: " + fromReplica)
                    .isEqualTo(404);
            Response withPosition = api.as("auditor").header("X-Min-Lsn", lsn).get("/api/inspection-rounds/" + round);
            assertThat(withPosition.status()).as("the replica is behind X-Min-Lsn: the primary answers " + withPosition)
                    .isEqualTo(200);
            String export = "/api/audit/events.ndjson?aggregateId=" + round;
            assertThat(exportedLines(api.as("admin").get(export))).as("the audit export reads the replica").isZero();
            assertThat(exportedLines(api.as("admin").header("X-Min-Lsn", lsn).get(export)))
                    .as("the audit export with X-Min-Lsn reads the primary").isEqualTo(1);

            replica("select pg_wal_replay_resume()");
            await().atMost(Duration.ofSeconds(30)).until(() -> api.as("auditor").get("/api/inspection-rounds/" + round).status() == 200);
        } finally {
            replica("select pg_wal_replay_resume()");
        }
    }

    @Test
    void aMalformedMinLsnIsRefusedNamingTheHeader() {
        Response r = api.as("auditor").header("X-Min-Lsn", "yesterday").get("/api/inspection-rounds");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("X-Min-Lsn");
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("MIN_LSN_INVALID");
    }

    private static long exportedLines(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text().lines().filter(l -> !l.isBlank()).count();
    }

    private static Response createRound(String round) {
        Response created = api.as("inspector").post("/api/inspection-rounds", Map.of("roundId", round, "name", "十三届区委第三轮巡察",
                "organizer", "区委巡察工作领导小组", "periodStart", "2023-06-01", "periodEnd", "2023-09-30"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    /** Null when {@code url} answers as a server in recovery, else why not. */
    private static String standby(String url) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1) ? null : url + " answers but is not a standby (pg_is_in_recovery() is false)";
        } catch (SQLException e) {
            return "nothing answers at " + url + " (" + e.getMessage() + ")";
        }
    }

    private static String replica(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(replicaBase + "/postgres", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
