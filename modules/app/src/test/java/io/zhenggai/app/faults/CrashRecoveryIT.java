package io.zhenggai.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.AppProcess;
import io.zhenggai.app.support.OwnDatabase;
import io.zhenggai.app.support.ReadModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 under load. The built jar ({@code target/zhenggai.jar}, there in the integration-test phase) runs as a process
 * of its own, on a database and port of its own; writers send commands; once enough are acknowledged the process gets
 * SIGKILL in the middle of the load, and starts again on the same database — {@value #KILLS} times. Afterwards every
 * acknowledged command is in the event store and visible through the API, every projection equals a rebuild from the
 * events, and the audit hash chain verifies. Nothing here sleeps: every wait is for a condition, bounded in time.
 */
class CrashRecoveryIT {

    static final int KILLS = 2;
    static final int WRITERS = 4;
    static final int ACKS_BEFORE_KILL = 40;
    static final String INSPECTION = "crash-insp";

    static OwnDatabase db;
    static Path dataDir;
    static int port;
    static AppProcess app;
    static int starts;

    @BeforeAll
    static void setUp() throws IOException {
        db = OwnDatabase.create("crash");
        dataDir = Files.createTempDirectory("zhenggai-crash-data");
        port = AppProcess.freePort();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (app != null && app.isAlive()) {
            app.kill();
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
    void everyAcknowledgedCommandSurvivesKillMinusNineAndTheReadSideEqualsARebuild() throws Exception {
        start();
        ApiClient api = new ApiClient(port).header("X-Request-Id", "crash-fixture");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        deliveredInspectionWithAnItem(api, today);

        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // command key → kind
        for (int kill = 1; kill <= KILLS; kill++) {
            int before = acknowledged.size();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String prefix = "k" + kill + "w" + w;
                writers.add(pool.submit(() -> AcknowledgedLoad.run(app, api, today, INSPECTION, prefix, acknowledged, stop)));
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> acknowledged.size() >= before + ACKS_BEFORE_KILL);
            app.kill();                  // SIGKILL while the writers are still sending
            stop.set(true);
            for (Future<?> f : writers) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            System.out.println("[CrashRecoveryIT] kill " + kill + " of " + KILLS + " after " + acknowledged.size() + " acknowledged commands");
            start();
        }

        JdbcClient jdbc = db.jdbc();
        // 1. every acknowledged command is in the store, and the API shows it
        Set<String> storedAggregates = Set.copyOf(jdbc.sql("select distinct aggregate_identifier from domain_event_entry")
                .query(String.class).list());
        Set<String> storedProgress = Set.copyOf(jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'progressId' from domain_event_entry
                        where payload_type like '%ProgressRecordedEvent'""").query(String.class).list());
        acknowledged.forEach((key, kind) -> {
            if (kind.equals("inspection")) {
                assertThat(storedAggregates).as("acknowledged inspection %s is stored", key).contains(key);
            } else {
                assertThat(storedProgress).as("acknowledged progress %s is stored", key).contains(key);
            }
        });
        ReadModels readModels = new ReadModels(api, jdbc);
        long head = readModels.awaitQuietAtHead(Duration.ofSeconds(120));
        acknowledged.forEach((key, kind) -> {
            if (kind.equals("inspection")) {
                assertThat(api.as("auditor").get("/api/inspections/" + key).status()).as("inspection %s is readable", key).isEqualTo(200);
            }
        });
        JsonNode ledger = api.as("auditor").get("/api/rectifications/" + INSPECTION).json();
        List<String> inLedger = new ArrayList<>();
        ledger.findValues("progress").forEach(list -> list.forEach(p -> inLedger.add(p.path("progressId").asText())));
        assertThat(inLedger).as("the ledger shows every stored progress").containsAll(storedProgress);

        // 2. the read side that lived through the kills equals one rebuilt from the events
        Map<String, String> incremental = readModels.dump();
        assertThat(readModels.replayAll()).isNotEmpty();
        readModels.awaitAt(head, Duration.ofSeconds(120));
        assertThat(readModels.dump()).as("read models after %d kills equal a rebuild", KILLS).isEqualTo(incremental);

        // 3. the audit hash chain verifies over every event
        JsonNode report = awaitChainAt(api, head);
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        System.out.println("[CrashRecoveryIT] " + KILLS + " kills survived: " + acknowledged.size() + " acknowledged commands, all stored; "
                + head + " events; read models equal a rebuild; chain verified");
    }

    private static void deliveredInspectionWithAnItem(ApiClient api, LocalDate today) {
        ApiClient inspector = api.as("inspector");
        expect(inspector.post("/api/inspections", Map.of("inspectionId", INSPECTION, "inspectingBody", "区委第四巡察组",
                "inspectedUnit", "区委统战部", "plannedFieldworkStart", today.minusDays(70).toString(),
                "plannedFieldworkEnd", today.minusDays(40).toString())), 201);
        String i = "/api/inspections/" + INSPECTION;
        expect(inspector.post(i + "/fieldwork/start", Map.of("date", today.minusDays(70).toString())), 200);
        expect(inspector.post(i + "/categories", Map.of("categoryId", "c1", "title", "关于廉政风险防控不够严实方面")), 201);
        expect(inspector.post(i + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "财务管理制度不健全")), 201);
        expect(inspector.post(i + "/fieldwork/conclude", Map.of("date", today.minusDays(40).toString())), 200);
        expect(inspector.post(i + "/feedback", Map.of("date", today.minusDays(30).toString())), 200);
        String r = "/api/rectifications/" + INSPECTION;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> api.as("auditor").get(r).status() == 200);
        ApiClient leader = api.as("unit_leader");
        expect(leader.put(r + "/office", Map.of("name", "巡察整改工作领导小组办公室", "hostDepartment", "部机关办公室")), 200);
        expect(leader.post(r + "/group/members", Map.of("memberId", "head", "name", "李部长", "position", "部长",
                "role", "LEADER", "date", today.minusDays(28).toString())), 201);
        expect(leader.post(r + "/group/members", Map.of("memberId", "deputy", "name", "王副部长", "position", "常务副部长",
                "role", "EXECUTIVE_DEPUTY", "date", today.minusDays(28).toString())), 201);
        expect(api.as("rectifier").post(r + "/items", Map.of("itemId", "i1", "findingIds", List.of("f1"), "title", "修订财务制度",
                "kind", "ONGOING", "responsibleLeaderId", "deputy", "responsibleDepartment", "财务股",
                "measures", List.of("修订财务管理制度"))), 201);
        expect(api.as("unit_leader").post(r + "/plan/adoption", Map.of("title", "整改方案", "documentNumber", "南统〔2023〕20号",
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

    /** Starts the built jar as a process of its own and waits until it answers healthy. */
    private static void start() {
        app = AppProcess.start("crash-recovery-app-" + (++starts), port, List.of(), List.of(
                "--zhenggai.db.url=" + db.url(),
                "--zhenggai.db.user=" + db.user(),
                "--zhenggai.data-dir=" + dataDir,
                "--zhenggai.demo-accounts=true",
                "--zhenggai.seed.enabled=false",
                "--db-scheduler.polling-interval=500ms")).awaitHealthy(Duration.ofSeconds(180));
    }

    private static void expect(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }
}
