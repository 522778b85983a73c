package io.zhenggai.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.AppProcess;
import io.zhenggai.app.support.OwnDatabase;
import io.zhenggai.app.support.ReadModels;
import io.zhenggai.publication.PublicationScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes on one database (issue 17, ADR 0049/0050). The built jar runs three times, as processes of their own
 * with small heaps, on three ports and one fresh database, with {@code zhenggai.cluster.enabled}. Writers send
 * commands to all three at once; an item's overdue deadline falls due during the load; then the node holding the
 * most processor segments gets SIGKILL while the writers still send. Afterwards:
 * <ul>
 *   <li>every acknowledged command's event is stored exactly once, and every aggregate's sequence is contiguous;</li>
 *   <li>the segments were spread over the nodes, and the dead node's were taken over by the others
 *       ({@code token_entry.owner});</li>
 *   <li>the deadline fired exactly once; the public-feedback limit held across the nodes (N + k submissions spread
 *       over them, exactly N accepted); a password changed on one node was refused at once on another;</li>
 *   <li>at most one node held the audit chain's advisory lock at any time, and the hash chain verifies;</li>
 *   <li>the read models the cluster built equal a full rebuild (one node, {@link ReadModels}, as in
 *       {@code ProjectionReplayIT} and {@link CrashRecoveryIT}).</li>
 * </ul>
 * No sleeps: every wait is for a condition, bounded in time.
 */
class ClusterIT {

    static final int NODES = 3;
    static final int WRITERS_PER_NODE = 2;
    static final int ACKS_BEFORE_DEADLINE = 30;
    static final int ACKS_BEFORE_KILL = 60;
    static final int ACKS_AFTER_KILL = 30;
    static final int FEEDBACK_LIMIT = 4;
    static final int FEEDBACK_EXTRA = 5;
    static final String INSPECTION = "cluster-insp";
    static final String RECTIFICATION = "rect-" + INSPECTION;
    static final String DUE_ITEM = "due";
    static final String PUBLIC_INSPECTION = "cluster-pub";
    static final String NOTICE = "cluster-notice";
    /** The audit chain writer's advisory lock key ("zgchain", {@code AuditChainWriter.LOCK_KEY}) as pg_locks shows it. */
    static final long CHAIN_LOCK_KEY = 0x7a6763_6861696eL;

    static OwnDatabase db;
    static Path dataDir;
    static final List<AppProcess> nodes = new ArrayList<>();
    static AppProcess rebuilder;

    @BeforeAll
    static void setUp() throws IOException {
        db = OwnDatabase.create("cluster");
        // one data directory for all nodes: they must share the checkpoint signing key (CheckpointSigner)
        dataDir = Files.createTempDirectory("zhenggai-cluster-data");
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (AppProcess n : nodes) {
            if (n.isAlive()) {
                n.kill();
            }
        }
        if (rebuilder != null && rebuilder.isAlive()) {
            rebuilder.kill();
        }
        if (db != null) {
            db.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void threeNodesShareTheWorkAndTheOthersTakeOverWhenOneIsKilled() throws Exception {
        JdbcClient jdbc = db.jdbc();
        // the first node migrates the schema and creates the demo accounts; the two others join it
        nodes.add(startNode(0).awaitHealthy(Duration.ofSeconds(180)));
        nodes.add(startNode(1));
        nodes.add(startNode(2));
        nodes.get(1).awaitHealthy(Duration.ofSeconds(180));
        nodes.get(2).awaitHealthy(Duration.ofSeconds(180));
        List<ApiClient> apis = nodes.stream().map(n -> new ApiClient(n.port()).header("X-Request-Id", "cluster-fixture")).toList();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        deliveredInspectionWithItems(apis, today);
        PublicationScenario.ledger(apis.get(1), PUBLIC_INSPECTION);
        PublicationScenario.compose(apis.get(2), NOTICE, PUBLIC_INSPECTION);
        PublicationScenario.approveAndPublish(apis.get(0), NOTICE, today.toString(), today.plusDays(30).toString(), false);

        // the feedback limit holds across the nodes: N + k valid submissions from one address, spread over the nodes
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < FEEDBACK_LIMIT + FEEDBACK_EXTRA; i++) {
            ApiClient.Response r = apis.get(i % NODES).anonymous().post("/notices/" + NOTICE + "/feedback",
                    Map.of("text", "建议公开整改台账（第" + (i + 1) + "条）"));
            if (r.status() == 201) {
                accepted++;
            } else {
                assertThat(r.status()).as(r.toString()).isEqualTo(429);
                refused++;
            }
        }
        assertThat(accepted).as("submissions accepted over %d nodes", NODES).isEqualTo(FEEDBACK_LIMIT);
        assertThat(refused).isEqualTo(FEEDBACK_EXTRA);

        // a password changed on node 0 is refused on node 1 at once (its cache held the old one)
        ApiClient admin0 = apis.get(0).as("admin");
        expect(admin0.put("/api/admin/users/cluster_auditor", Map.of("password", "old-password-1", "roles", List.of("AUDITOR"))), 200);
        expect(apis.get(1).withPassword("cluster_auditor", "old-password-1").get("/api/inspections"), 200);
        expect(admin0.put("/api/admin/users/cluster_auditor", Map.of("password", "new-password-2", "roles", List.of("AUDITOR"))), 200);
        expect(apis.get(1).withPassword("cluster_auditor", "old-password-1").get("/api/inspections"), 401);
        expect(apis.get(1).withPassword("cluster_auditor", "new-password-2").get("/api/inspections"), 200);

        // the load: writers on every node; the chain lock is sampled all along
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // command key → kind
        AtomicBoolean stopSampling = new AtomicBoolean();
        AtomicInteger mostChainLockHolders = new AtomicInteger();
        AtomicInteger samplesWithChainLock = new AtomicInteger();
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        Future<?> sampling = sampler.submit(() -> sampleChainLock(jdbc, stopSampling, mostChainLockHolders, samplesWithChainLock));

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(NODES * WRITERS_PER_NODE);
        List<Future<?>> writers = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            for (int w = 0; w < WRITERS_PER_NODE; w++) {
                AppProcess node = nodes.get(n);
                ApiClient api = apis.get(n);
                String prefix = "n" + n + "w" + w;
                writers.add(pool.submit(() -> AcknowledgedLoad.run(node, api, today, INSPECTION, prefix, acknowledged, stop)));
            }
        }
        awaitAcknowledged(acknowledged, ACKS_BEFORE_DEADLINE);

        // the item's due date passes while the nodes run: exactly one of them fires the deadline
        int moved = jdbc.sql("""
                        update scheduled_tasks set execution_time = now()
                        where position(cast(:scope as bytea) in task_data) > 0 and position(cast(:name as bytea) in task_data) > 0""")
                .param("scope", RECTIFICATION.getBytes(StandardCharsets.UTF_8))
                .param("name", ("rectification-item-overdue:" + DUE_ITEM).getBytes(StandardCharsets.UTF_8)).update();
        assertThat(moved).as("the item's overdue deadline is one row").isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> overdueEvents(jdbc) >= 1);

        // every segment claimed, by more than one node
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> segmentOwners(jdbc).values().stream().allMatch(o -> node(o, nodes) != null));
        Set<String> ownersBefore = Set.copyOf(segmentOwners(jdbc).values());
        assertThat(ownersBefore).as("the segments are spread over the nodes: %s", segmentOwners(jdbc)).hasSizeGreaterThan(1);

        awaitAcknowledged(acknowledged, ACKS_BEFORE_KILL);
        Map<String, String> claims = segmentOwners(jdbc);
        String victimOwner = claims.values().stream()
                .collect(Collectors.groupingBy(o -> o, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        AppProcess victim = node(victimOwner, nodes);
        Set<String> victimSegments = claims.entrySet().stream().filter(e -> e.getValue().equals(victimOwner))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        int acksAtKill = acknowledged.size();
        victim.kill();                                  // SIGKILL while the writers are still sending
        System.out.println("[ClusterIT] killed node " + nodes.indexOf(victim) + " (" + victimOwner + ") holding "
                + victimSegments + " after " + acksAtKill + " acknowledged commands");

        // the others take the dead node's segments over once its claims time out
        List<AppProcess> survivors = nodes.stream().filter(AppProcess::isAlive).toList();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, String> now = segmentOwners(jdbc);
            for (String segment : victimSegments) {
                AppProcess holder = node(now.get(segment), nodes);
                assertThat(holder).as("segment %s of the dead node is taken over by a living node: %s", segment, now)
                        .isNotNull().isNotSameAs(victim);
            }
        });
        awaitAcknowledged(acknowledged, acksAtKill + ACKS_AFTER_KILL);
        stop.set(true);
        for (Future<?> f : writers) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        stopSampling.set(true);
        sampling.get(1, TimeUnit.MINUTES);
        sampler.shutdown();

        // 1. every acknowledged command's event is stored exactly once; sequences are contiguous
        Map<String, Long> inspections = counts(jdbc, """
                select aggregate_identifier, count(*) from domain_event_entry
                where payload_type like '%InspectionScheduledEvent' group by aggregate_identifier""");
        Map<String, Long> progress = counts(jdbc, """
                select convert_from(payload, 'UTF8')::jsonb ->> 'progressId', count(*) from domain_event_entry
                where payload_type like '%ProgressRecordedEvent' group by 1""");
        acknowledged.forEach((key, kind) -> {
            Map<String, Long> stored = kind.equals("inspection") ? inspections : progress;
            assertThat(stored.get(key)).as("acknowledged %s %s is stored exactly once", kind, key).isEqualTo(1L);
        });
        assertThat(inspections.values()).as("no inspection scheduled twice").allMatch(c -> c == 1L);
        assertThat(progress.values()).as("no progress recorded twice").allMatch(c -> c == 1L);
        List<String> broken = jdbc.sql("""
                        select aggregate_identifier from domain_event_entry group by aggregate_identifier
                        having min(sequence_number) <> 0 or max(sequence_number) <> count(*) - 1""").query(String.class).list();
        assertThat(broken).as("aggregates whose sequence has a hole or a duplicate").isEmpty();

        // 2. the deadline fired exactly once, as the system
        assertThat(overdueEvents(jdbc)).as("the overdue deadline fired once over %d nodes", NODES).isEqualTo(1);

        // 3. one chain writer at a time
        assertThat(mostChainLockHolders.get()).as("sessions holding the audit chain's advisory lock at once").isLessThanOrEqualTo(1);

        // 4. what the cluster built equals a rebuild: the survivors stop (releasing their claims), one node rebuilds
        for (AppProcess n : survivors) {
            n.stop();
        }
        rebuilder = AppProcess.start("cluster-rebuild", AppProcess.freePort(), List.of(), args(false))
                .awaitHealthy(Duration.ofSeconds(180));
        ApiClient api = new ApiClient(rebuilder.port()).header("X-Request-Id", "cluster-check");
        ReadModels readModels = new ReadModels(api, jdbc);
        long head = readModels.awaitQuietAtHead(Duration.ofSeconds(120));
        acknowledged.forEach((key, kind) -> {
            if (kind.equals("inspection")) {
                assertThat(api.as("auditor").get("/api/inspections/" + key).status()).as("inspection %s is readable", key).isEqualTo(200);
            }
        });
        Map<String, String> built = readModels.dump();
        assertThat(readModels.replayAll()).isNotEmpty();
        readModels.awaitAt(head, Duration.ofSeconds(120));
        Map<String, String> rebuilt = readModels.dump();
        assertThat(rebuilt.keySet()).isEqualTo(built.keySet());
        built.forEach((table, rows) -> assertThat(rebuilt.get(table))
                .as("table %s as %d nodes built it equals a rebuild", table, NODES).isEqualTo(rows));

        // 5. the hash chain verifies over every event
        JsonNode report = awaitChainAt(api, head);
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        System.out.println("[ClusterIT] " + NODES + " nodes, one killed: " + acknowledged.size()
                + " acknowledged commands stored once; " + head + " events; segments " + ownersBefore.size()
                + " owners before, taken over after; deadline fired once; feedback " + accepted + "/" + (accepted + refused)
                + " accepted; chain lock seen held in " + samplesWithChainLock.get() + " samples, never twice; read models equal a rebuild");
    }

    private static AppProcess startNode(int index) {
        return AppProcess.start("cluster-node-" + index, AppProcess.freePort(), List.of("-XX:TieredStopAtLevel=1"), args(true));
    }

    private static List<String> args(boolean cluster) {
        List<String> args = new ArrayList<>(List.of(
                "--zhenggai.db.url=" + db.url(),
                "--zhenggai.db.user=" + db.user(),
                "--zhenggai.data-dir=" + dataDir,
                "--zhenggai.demo-accounts=true",
                "--zhenggai.seed.enabled=false",
                "--db-scheduler.polling-interval=500ms",
                "--zhenggai.publication.feedback.rate-limit.capacity=" + FEEDBACK_LIMIT,
                "--zhenggai.publication.feedback.rate-limit.period=PT1H",
                "--zhenggai.db.pool-size=8"));
        if (cluster) {
            args.addAll(List.of(
                    "--zhenggai.cluster.enabled=true",
                    "--zhenggai.cluster.nodes=" + NODES,
                    "--axon.eventhandling.tokenstore.claim-timeout=5s",
                    "--zhenggai.cluster.claim-extension-threshold=1s"));
        }
        return args;
    }

    /** Every 20 ms: how many sessions hold the chain writer's advisory lock (granted) at this instant. */
    private static Void sampleChainLock(JdbcClient jdbc, AtomicBoolean stop, AtomicInteger most, AtomicInteger held) {
        while (!stop.get()) {
            int holders = jdbc.sql("""
                            select count(distinct pid) from pg_locks
                            where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
                              and classid::bigint = :high and objid::bigint = :low and objsubid = 1""")
                    .param("high", CHAIN_LOCK_KEY >>> 32).param("low", CHAIN_LOCK_KEY & 0xffffffffL)
                    .query(Integer.class).single();
            most.accumulateAndGet(holders, Math::max);
            if (holders > 0) {
                held.incrementAndGet();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // a sampling period, not a wait for a condition
        }
        return null;
    }

    private static void awaitAcknowledged(Map<String, String> acknowledged, int atLeast) {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(50)).until(() -> acknowledged.size() >= atLeast);
    }

    /** Segment ("processor/segment") → owner, for every token; null owners included as "". */
    private static Map<String, String> segmentOwners(JdbcClient jdbc) {
        return jdbc.sql("select processor_name || '/' || segment, coalesce(owner, '') from token_entry")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The node whose token owner name this is (Axon's {@code pid@host}); null for none ("" is unclaimed). */
    private static AppProcess node(String owner, List<AppProcess> nodes) {
        return owner == null ? null : nodes.stream().filter(n -> owner.startsWith(n.pid() + "@")).findFirst().orElse(null);
    }

    private static Map<String, Long> counts(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long overdueEvents(JdbcClient jdbc) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry
                        where aggregate_identifier = :id and payload_type like '%ItemBecameOverdueEvent'""")
                .param("id", RECTIFICATION).query(Long.class).single();
    }

    /** An inspection with feedback delivered and its rectification: item i1 (ongoing) and item "due" (due today). */
    private static void deliveredInspectionWithItems(List<ApiClient> apis, LocalDate today) {
        ApiClient inspector = apis.get(0).as("inspector");
        expect(inspector.post("/api/inspections", Map.of("inspectionId", INSPECTION, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部", "plannedFieldworkStart", today.minusDays(70).toString(),
                "plannedFieldworkEnd", today.minusDays(40).toString())), 201);
        String i = "/api/inspections/" + INSPECTION;
        expect(apis.get(1).as("inspector").post(i + "/fieldwork/start", Map.of("date", today.minusDays(70).toString())), 200);
        expect(apis.get(2).as("inspector").post(i + "/categories", Map.of("categoryId", "c1", "title", "关于廉政风险防控不够严实方面")), 201);
        expect(inspector.post(i + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "财务管理制度不健全")), 201);
        expect(apis.get(1).as("inspector").post(i + "/findings", Map.of("findingId", "f2", "categoryId", "c1", "title", "公务接待审批不严")), 201);
        expect(apis.get(2).as("inspector").post(i + "/fieldwork/conclude", Map.of("date", today.minusDays(40).toString())), 200);
        expect(inspector.post(i + "/feedback", Map.of("date", today.minusDays(30).toString())), 200);
        String r = "/api/rectifications/" + INSPECTION;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> apis.get(1).as("auditor").get(r).status() == 200);
        ApiClient leader = apis.get(1).as("unit_leader");
        expect(leader.put(r + "/office", Map.of("name", "巡察整改工作领导小组办公室", "hostDepartment", "部机关办公室")), 200);
        expect(leader.post(r + "/group/members", Map.of("memberId", "head", "name", "李部长", "position", "部长",
                "role", "LEADER", "date", today.minusDays(28).toString())), 201);
        expect(apis.get(2).as("unit_leader").post(r + "/group/members", Map.of("memberId", "deputy", "name", "王副部长",
                "position", "常务副部长", "role", "EXECUTIVE_DEPUTY", "date", today.minusDays(28).toString())), 201);
        expect(apis.get(0).as("rectifier").post(r + "/items", Map.of("itemId", "i1", "findingIds", List.of("f1"), "title", "修订财务制度",
                "kind", "ONGOING", "responsibleLeaderId", "deputy", "responsibleDepartment", "财务股",
                "measures", List.of("修订财务管理制度"))), 201);
        expect(apis.get(1).as("rectifier").post(r + "/items", Map.of("itemId", DUE_ITEM, "findingIds", List.of("f2"),
                "title", "严格公务接待审批", "kind", "TIME_BOUND", "dueDate", today.toString(), "responsibleLeaderId", "deputy",
                "responsibleDepartment", "办公室", "measures", List.of("修订公务接待管理办法"))), 201);
        expect(apis.get(2).as("unit_leader").post(r + "/plan/adoption", Map.of("title", "整改方案", "documentNumber", "南统〔2023〕20号",
                "date", today.minusDays(20).toString())), 200);
    }

    private static JsonNode awaitChainAt(ApiClient api, long head) {
        JsonNode[] report = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Response r = api.as("auditor").get("/api/audit/verify");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            report[0] = r.json();
            assertThat(report[0].get("head").get("position").asLong()).as(report[0].toString()).isGreaterThanOrEqualTo(head);
            assertThat(report[0].get("unchainedEvents").asLong()).as(report[0].toString()).isZero();
        });
        return report[0];
    }

    private static void expect(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }
}
