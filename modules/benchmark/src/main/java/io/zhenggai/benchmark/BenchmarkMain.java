package io.zhenggai.benchmark;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zhenggai.benchmark.Projections.Position;
import io.zhenggai.benchmark.Projections.Projection;
import io.zhenggai.benchmark.history.CopyWriter;
import io.zhenggai.benchmark.history.InspectionHistory;
import io.zhenggai.benchmark.workload.HttpApi;
import io.zhenggai.benchmark.workload.InspectionWorkload;
import io.zhenggai.benchmark.workload.MixedWorkload;
import io.zhenggai.benchmark.workload.RectificationWorkload;
import io.zhenggai.benchmark.workload.Workload;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The benchmark harness: how close the system comes to what PostgreSQL itself does on the same machine, and how its
 * cost grows with the stored history. Run it with (see docs/benchmarks.md):
 * <pre>
 * mvn -q -DskipTests package && java -jar modules/benchmark/target/zhenggai-benchmark.jar [--quick]
 * </pre>
 * Order of a run: refused when the 1-minute load average is above 1.5 (unless --allow-noisy); a fresh database; the app
 * (with README.md's JVM flags) started once to create its schema and list its resettable processors; figure 1 (plain
 * JDBC); then for each history size: preload inspection and rectification events with COPY, one start until every
 * processor is through them, raw scan and the replay of every projection alone (figure 3), a normal restart (figure
 * 6), the mixed inspection and rectification commands at each concurrency (figures 2 and 4), memory (figure 5); the
 * audit export (figure 7) when the app offers it; the embedded cold start and the seed notice (figure 6); the targets.
 * Every figure carries its load average. Results: a table on stdout and {@code bench-results/<timestamp>.json};
 * {@code --compare a.json b.json} prints two of them side by side.
 */
public final class BenchmarkMain {

    private final Options o;
    private final Log log = new Log();
    private final Results results = new Results();
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final Path runDir;
    private final InspectionHistory history;
    /** Inspection and rectification commands mixed by --rectification-share. */
    private final MixedWorkload workload;
    private final LoadMonitor loads = new LoadMonitor();
    private final List<String> appJvmArgs = new ArrayList<>();
    /** The projections figure 3 replays (known to the harness, resettable in the app, chosen by --projections). */
    private final List<Projection> replayed = new ArrayList<>();
    private final List<String> notReplayed = new ArrayList<>();
    private int unstartedHandedOver;
    private Database db;
    private AppProcess app;
    private int appStarts;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BenchmarkMain(Options o) {
        this.o = o;
        this.runDir = o.outputDir().resolve(stamp);
        this.history = new InspectionHistory(o.seed(), "h", o.rectification());
        this.workload = new MixedWorkload(new InspectionWorkload(o.activeInspections(), o.zipfExponent(), 0.05),
                new RectificationWorkload(o.activeInspections(), o.zipfExponent(), 0.05), o.rectificationShare());
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // the embedded PostgreSQL's chatter
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!options.compare().isEmpty()) {
            System.exit(Compare.print(options.compare().get(0), options.compare().get(1), System.out));
            return;
        }
        double load = LoadMonitor.oneMinute();
        if (load > Options.MAX_START_LOAD && !options.allowNoisy()) {
            System.err.printf(java.util.Locale.ROOT, "The machine is not quiet: the 1-minute load average is %.2f (above %.1f; "
                    + "/proc/loadavg: %s).%nFigures taken now would measure the other work on the machine, not this system. "
                    + "Wait until nothing else runs (no builds, no tests), or pass --allow-noisy to mark every figure noisy.%n",
                    load, Options.MAX_START_LOAD, LoadMonitor.line());
            System.exit(3);
            return;
        }
        System.exit(new BenchmarkMain(options).run());
    }

    private int run() {
        long t0 = System.nanoTime();
        results.run.put("startedAt", Instant.now().toString());
        results.run.put("options", o);
        results.label = o.label();
        results.noisy = LoadMonitor.oneMinute() > Options.MAX_START_LOAD;
        if (results.noisy) {
            results.notes.add(String.format(java.util.Locale.ROOT, "NOISY: the 1-minute load average at start was %s (above %.1f);"
                    + " run with --allow-noisy, every figure is marked noisy", LoadMonitor.line(), Options.MAX_START_LOAD));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "benchmark-cleanup"));
        int exit = 0;
        try {
            Files.createDirectories(runDir);
            ReadmeRunCommand.Flags base = ReadmeRunCommand.resolve(o.baseJvmArgs(), o.appJar());
            appJvmArgs.addAll(base.flags());
            appJvmArgs.addAll(o.appJvmArgs());
            results.appJvmArgs = List.copyOf(appJvmArgs);
            results.appJvmArgsSource = base.source();
            log.info("app JVM flags: %s (base from %s)", appJvmArgs, base.source());
            describeMachine();
            db = Database.create(o, log);
            results.machine.put("postgres", db.describe());
            log.info("PostgreSQL: %s", results.machine.get("postgres"));

            log.info("starting the app once on the empty database (schema by Flyway)");
            startApp(false);
            results.emptyDatabaseReadySeconds = app.awaitReady(Duration.ofMinutes(3));
            log.info("ready in %.2f s", results.emptyDatabaseReadySeconds);
            detectCapabilities();
            stopApp();

            if (!o.provinceOnly()) {
                figure1();
            }
            for (int i = 0; i < (o.provinceOnly() ? 0 : o.historySteps().size()); i++) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        results.steps.add(growthStep(o.historySteps().get(i), i == 0, i == o.historySteps().size() - 1));
                        break;
                    } catch (AppDiedException e) {
                        if (attempt == 3 || closed.get()) { // closed: we are being stopped ourselves
                            throw e;
                        }
                        String note = "the app was stopped from outside during the " + Report.human(o.historySteps().get(i))
                                + " step (" + e.getMessage().lines().findFirst().orElse("") + "): the step was repeated";
                        results.notes.add(note);
                        log.info("%s", note);
                    }
                }
            }
            if (o.province()) {
                results.province = provinceStep();
            }
            if (!o.skipColdStart() && !o.provinceOnly()) {
                coldStart();
            }
        } catch (Throwable e) {
            exit = 1;
            results.error = e.toString();
            log.info("FAILED: %s", e);
            e.printStackTrace();
        } finally {
            cleanUp();
            loads.close();
            results.commandMix.putAll(workload.sentByCommand());
            results.run.put("finishedAt", Instant.now().toString());
            results.run.put("minutes", (System.nanoTime() - t0) / 6e10);
            Report.targets(results, o);
            Report.print(results, System.out);
            try {
                Path json = o.outputDir().resolve(stamp + ".json");
                new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                        .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                                .addSerializer(Path.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer(Path.class)))
                        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                        .writeValue(json.toFile(), results);
                log.info("results written to %s (app logs in %s)", json, runDir);
            } catch (Exception e) {
                log.info("could not write the result file: %s", e);
                exit = 1;
            }
        }
        return exit;
    }

    private void cleanUp() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopApp();
        try {
            Files.deleteIfExists(runDir.resolve("app-under-test.jar"));
        } catch (java.io.IOException e) {
            // a copy in the results directory: harmless
        }
        if (db != null) {
            try {
                db.close();
                log.info("database %s %s", db.name, o.keepDatabase() && db.mode.equals("local") ? "kept" : "dropped");
            } catch (Exception e) {
                log.info("could not drop database %s: %s", db.name, e);
            }
        }
    }

    // ───────────────────────────── machine ─────────────────────────────

    private void describeMachine() {
        Map<String, Object> m = results.machine;
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryMb", memTotalMb());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cpu", cpuModel());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverageAtStart", loadAverage());
        m.put("appJar", o.appJar().toAbsolutePath().toString());
        m.put("appJvmArgs", appJvmArgs);
        results.notes.add("The machine is shared (other builds and tests may run at the same time): look at the spread and at"
                + " loadAverageAtStart before trusting a small difference.");
    }

    private static long memTotalMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "unknown";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    // ───────────────────────────── the app ─────────────────────────────

    private Map<String, String> appEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("ZHENGGAI_DB_URL", db.jdbcUrl());
        env.put("ZHENGGAI_DB_USER", "postgres");
        env.put("ZHENGGAI_DB_PASSWORD", null);
        env.put("ZHENGGAI_DEMO_ACCOUNTS", "true");
        env.put("ZHENGGAI_DEMO_PASSWORD", "demo");
        env.put("ZHENGGAI_DATA_DIR", runDir.resolve("unused-data").toAbsolutePath().toString());
        return env;
    }

    /**
     * The jar the app is started from: a copy of {@code --app-jar} in the run's directory. On a shared machine a
     * colleague's {@code pkill -f zhenggai.jar} would otherwise stop the app under test in the middle of a figure.
     */
    private Path appJar() throws java.io.IOException {
        Path copy = runDir.resolve("app-under-test.jar");
        if (!Files.exists(copy)) {
            if (!Files.isRegularFile(o.appJar())) {
                throw new IllegalStateException(o.appJar() + " does not exist: build it first (mvn -q -DskipTests package)");
            }
            Files.copy(o.appJar(), copy);
        }
        return copy;
    }

    private void startApp(boolean recordJfr) throws Exception {
        appStarts++;
        Path logFile = runDir.resolve(String.format("app-%02d.log", appStarts));
        Path jfr = recordJfr ? runDir.resolve(String.format("app-%02d.jfr", appStarts)) : null;
        app = AppProcess.start(appJar(), appEnv(), appJvmArgs, logFile, jfr);
    }

    private void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /** Which optional endpoints this version of the app has (from its OpenAPI document). */
    private void detectCapabilities() {
        HttpApi.Response r = app.api.getAnonymous("/v3/api-docs", Duration.ofSeconds(30));
        List<String> paths = new ArrayList<>();
        List<String> pointInTime = new ArrayList<>();
        if (r.status() == 200) {
            try {
                JsonNode doc = new ObjectMapper().readTree(r.body());
                for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    paths.add(e.getKey());
                    for (JsonNode p : e.getValue().path("get").path("parameters")) {
                        String n = p.path("name").asText("");
                        if (n.matches("(?i)asOf|at|pointInTime|until|upTo|validAt")) {
                            pointInTime.add("GET " + e.getKey() + "?" + n + "=");
                        }
                    }
                }
            } catch (Exception e) {
                log.info("cannot read the OpenAPI document: %s", e);
            }
        }
        Pattern replay = Pattern.compile("/api/admin/projections/\\{[^}]+}/replay");
        results.capabilities.put("openApiPaths", paths.size());
        results.capabilities.put("adminReplayEndpoint", paths.stream().anyMatch(p -> replay.matcher(p).matches()));
        results.capabilities.put("auditExport", paths.contains("/api/audit/events.ndjson"));
        results.capabilities.put("pointInTimeEndpoints", pointInTime);
        chooseProjections();
        results.capabilities.put("replayedProjections", replayed.stream().map(Projection::processor).toList());
        results.capabilities.put("notReplayed", notReplayed);
        log.info("capabilities: %s", results.capabilities);
    }

    // ───────────────────────────── figure 1 ─────────────────────────────

    private void figure1() throws Exception {
        PhysicalLimit limit = new PhysicalLimit(db, o.seed());
        limit.createTable();
        try {
            List<String> copyIdx = limit.indexes(PhysicalLimit.TABLE);
            List<String> origIdx = limit.indexes("domain_event_entry");
            int free = db.freeConnections();
            List<Results.LimitAt> oneRow = new ArrayList<>();
            LoadMonitor.Window whole = loads.begin();
            for (int c : o.concurrencies()) {
                LoadMonitor.Window window = loads.begin();
                int clients = c;
                String note = null;
                if (c > free - 2) {
                    clients = Math.max(1, free - 2);
                    note = "capped at " + clients + " clients: only " + free + " connections were free on the server";
                }
                List<Double> rates = new ArrayList<>();
                List<Double> p50 = new ArrayList<>();
                List<Double> p99 = new ArrayList<>();
                limit.oneRowPerTransaction(clients, Math.min(1, o.limitRunSeconds())); // warm-up
                for (int run = 0; run < o.runs(); run++) {
                    PhysicalLimit.Run r = limit.oneRowPerTransaction(clients, o.limitRunSeconds());
                    rates.add(r.rowsPerSecond());
                    p50.add(r.latencyNanos().getValueAtPercentile(50) / 1e6);
                    p99.add(r.latencyNanos().getValueAtPercentile(99) / 1e6);
                }
                Results.LimitAt at = new Results.LimitAt(clients, Stats.of(rates), Stats.of(p50), Stats.of(p99), note, window.end(),
                        results.noisy);
                oneRow.add(at);
                log.info("figure 1: one row per transaction, %d clients: %s rows/s, p99 %s ms", clients,
                        at.rowsPerSecond().format("%.0f"), at.p99Ms().format("%.2f"));
            }
            List<Double> hundred = new ArrayList<>();
            for (int run = 0; run < o.runs(); run++) {
                hundred.add(limit.hundredRowsPerTransaction(o.limitRunSeconds()).rowsPerSecond());
            }
            log.info("figure 1: 100 rows per transaction: %s rows/s", Stats.of(hundred).format("%.0f"));
            List<Double> copy = new ArrayList<>();
            long copyRows = o.quick() ? 50_000 : 200_000;
            for (int run = 0; run < o.runs(); run++) {
                copy.add(limit.copy(copyRows).rowsPerSecond());
            }
            log.info("figure 1: COPY: %s rows/s", Stats.of(copy).format("%.0f"));
            double[] sizes = limit.rowSizes();
            results.limit = new Results.Limit(oneRow, Stats.of(hundred), Stats.of(copy), sizes[0], sizes[1], copyIdx, origIdx,
                    whole.end(), results.noisy);
        } finally {
            limit.dropTable();
        }
    }

    // ───────────────────────────── figures 2-6 per history size ─────────────────────────────

    private Results.Step growthStep(long target, boolean first, boolean last) throws Exception {
        stopApp();
        log.info("── history step: %,d events ──", target);
        List<String> loadLines = new ArrayList<>();
        loadLines.add("step start: " + loadAverage());
        long before = db.scalar("select count(*) from domain_event_entry");
        long preloaded = 0;
        double preloadRate = Double.NaN;
        if (before < target) {
            preloaded = target - before;
            preloadRate = preload(preloaded);
        }
        db.execute("analyze domain_event_entry");
        long stored = db.scalar("select count(*) from domain_event_entry");
        long head = db.scalar("select coalesce(max(global_index),0) from domain_event_entry");

        // the new history reaches every processor once (the policies find it already acted on), so that the replays
        // of figure 3 run alone
        LoadMonitor.Window w = loads.begin();
        startApp(false);
        double readyAfterPreload = app.awaitReady(Duration.ofMinutes(5));
        double caughtUpAfterPreload = awaitAllCaughtUp(head, Duration.ofMinutes(60));
        Results.Restart afterPreload = new Results.Restart(readyAfterPreload, caughtUpAfterPreload, w.end(), results.noisy);
        log.info("after the preload: ready %.2f s, every processor through the new history %.2f s", readyAfterPreload, caughtUpAfterPreload);
        stopApp();
        stored = db.scalar("select count(*) from domain_event_entry");
        long rectificationEvents = db.scalar("select count(*) from domain_event_entry where aggregate_identifier like 'rect-%'");

        // figure 3: raw scan and full replay
        List<Double> scans = new ArrayList<>();
        int scanRuns = stored > 2_000_000 ? 1 : o.runs();
        LoadMonitor.Window scanLoad = loads.begin();
        for (int i = 0; i < scanRuns; i++) {
            scans.add(PhysicalLimit.rawScan(db).rowsPerSecond());
        }
        LoadMonitor.Load rawScanLoad = scanLoad.end();
        log.info("figure 3: raw ordered scan of %,d events: %s rows/s", stored, Stats.of(scans).format("%.0f"));
        Results.Replay replay = replay(stored, Stats.of(scans), rawScanLoad);

        // figure 6: a normal restart with this history
        w = loads.begin();
        startApp(o.jfr());
        double ready = app.awaitReady(Duration.ofMinutes(5));
        double caughtUp = awaitAllCaughtUp(db.scalar("select coalesce(max(global_index),0) from domain_event_entry"), Duration.ofMinutes(30));
        Results.Restart restart = new Results.Restart(ready, caughtUp, w.end(), results.noisy);
        log.info("figure 6: restart with %,d events: ready %.2f s, all projections caught up %.2f s", stored, ready, caughtUp);
        long rssIdle = app.rssBytes();

        // figures 2 and 4: commands
        workload.inspections().setHistory(history.delivered().stream()
                .map(d -> new InspectionWorkload.Historic(d.inspectionId(), d.findingCount())).toList());
        if (o.rectificationShare() > 0) {
            List<io.zhenggai.benchmark.workload.RectificationPlan> unstarted = history.unstartedRectifications();
            workload.rectifications().addHistory(unstarted.subList(unstartedHandedOver, unstarted.size()), history.unfinishedItems());
            unstartedHandedOver = unstarted.size(); // each is worked on once: the next step adds only the new ones
        }
        workload.prepare(app.api);
        CommandLoad load = new CommandLoad(app.api, workload, db, o.seed() + target);
        double jitWarmup = first ? Math.max(5, o.warmupSeconds() * 3) : o.warmupSeconds();
        log.info("warming up (%.0f s at 16 clients)", jitWarmup);
        load.run(16, jitWarmup);
        List<Results.Commands> commands = new ArrayList<>();
        Instant commandsFrom = Instant.now();
        loadLines.add("commands start: " + loadAverage());
        LoadMonitor.Window commandsWindow = loads.begin();
        for (int c : o.concurrencies()) {
            load.run(c, o.warmupSeconds());
            LoadMonitor.Window window = loads.begin();
            List<Double> cps = new ArrayList<>();
            List<Double> eps = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            long failed = 0;
            Map<String, String> errors = new LinkedHashMap<>();
            for (int run = 0; run < o.runs(); run++) {
                CommandLoad.Run r = load.run(c, o.runSeconds());
                if (!app.alive()) {
                    throw app.died("during the command runs");
                }
                cps.add(r.commandsPerSecond());
                eps.add(r.eventsPerSecond());
                p50.add(r.latencyNanos().getValueAtPercentile(50) / 1e6);
                p95.add(r.latencyNanos().getValueAtPercentile(95) / 1e6);
                p99.add(r.latencyNanos().getValueAtPercentile(99) / 1e6);
                failed += r.failed();
                errors.putAll(r.errorSamples());
            }
            Double ratio = null;
            for (Results.LimitAt l : results.limit.oneRowPerTransaction()) {
                if (l.clients() == c && l.rowsPerSecond().present()) {
                    ratio = Stats.of(eps).median() / l.rowsPerSecond().median();
                }
            }
            Results.Commands cr = new Results.Commands(c, Stats.of(cps), Stats.of(eps), Stats.of(p50), Stats.of(p95), Stats.of(p99),
                    failed, errors, ratio, window.end(), results.noisy);
            commands.add(cr);
            log.info("figure %s: %d clients: %s commands/s, %s events/s, p50 %s p95 %s p99 %s ms, %d failed%s; load %s",
                    first ? "2" : "4", c, cr.commandsPerSecond().format("%.0f"), cr.eventsPerSecond().format("%.0f"),
                    cr.p50Ms().format("%.1f"), cr.p95Ms().format("%.1f"), cr.p99Ms().format("%.1f"), failed,
                    ratio == null ? "" : String.format(java.util.Locale.ROOT, ", %.2f× the JDBC limit", ratio), cr.load());
        }

        Instant commandsTo = Instant.now();
        LoadMonitor.Load commandsLoad = commandsWindow.end();
        loadLines.add("commands end: " + loadAverage());
        log.info("load average (1, 5, 15 min): %s", loadLines);

        // figure 5: memory at steady state
        w = loads.begin();
        Thread.sleep(1000);
        long rssSteady = app.rssBytes();
        long liveHeap = app.heapUsedBytes(true);
        long rssAfterGc = app.rssBytes();
        long storedNow = db.scalar("select count(*) from domain_event_entry");
        long tableBytes = db.scalar("select pg_total_relation_size('domain_event_entry')");
        long avgPayload = db.scalar("select coalesce(avg(octet_length(payload)), 0)::bigint from domain_event_entry");
        Results.Memory memory = new Results.Memory(rssIdle, rssSteady, liveHeap, rssAfterGc, tableBytes / (double) storedNow,
                tableBytes, avgPayload, w.end(), results.noisy);
        log.info("figure 5: RSS idle %d MB, steady %d MB, live heap %d MB; %.0f bytes per event on disk",
                rssIdle >> 20, rssSteady >> 20, liveHeap >> 20, memory.bytesPerEvent());

        if (last) {
            auditExport(storedNow);
        }
        Path jfr = app.jfrFile;
        stopApp();
        Map<String, Object> profile = null;
        if (jfr != null) {
            profile = Profiler.summarize(jfr, 25, commandsFrom, commandsTo);
            log.info("profile of the command phase: %s", profile.get("byArea"));
        }
        return new Results.Step(target, stored, preloadRate, preloaded, replay, restart, memory, commands, profile, loadLines,
                afterPreload, rectificationEvents, commandsLoad);
    }

    // ───────────────────────────── the province step (issue 17) ─────────────────────────────

    /**
     * The province step: {@code --province-rounds × --province-units} inspections (≈16 problems each) with their
     * rectifications, preloaded by COPY on top of what is stored (ids {@code p-N}, rounds {@code pr-N}); one start until
     * every processor is through them (all projections at once); the dashboard overview, one round's totals, one
     * inspection's dashboard and its ledger, each timed {@code --province-reads} times by one client; then every
     * projection replayed alone as in figure 3.
     */
    private Results.Province provinceStep() throws Exception {
        stopApp();
        int rounds = o.provinceRounds();
        int units = o.provinceUnits();
        log.info("── province step: %d rounds × %d units ──", rounds, units);
        InspectionHistory province = InspectionHistory.province(o.seed() + 17, "p", rounds, units);
        long before = db.scalar("select count(*) from domain_event_entry");
        long t0 = System.nanoTime();
        try (Connection c = db.connect()) {
            while (!province.exhausted()) {
                try (CopyWriter w = new CopyWriter(c, "domain_event_entry")) {
                    province.generateAtMost(200_000, w::write);
                }
                log.info("  province: %,d events preloaded", province.produced());
            }
        }
        double preloadSeconds = (System.nanoTime() - t0) / 1e9;
        db.execute("analyze domain_event_entry");
        long stored = db.scalar("select count(*) from domain_event_entry");
        long head = db.scalar("select coalesce(max(global_index),0) from domain_event_entry");
        long inspections = db.scalar("select count(*) from domain_event_entry where aggregate_identifier like 'p-%'"
                + " and payload_type like '%$InspectionScheduledEvent'");
        long problems = db.scalar("select count(*) from domain_event_entry where aggregate_identifier like 'p-%'"
                + " and payload_type like '%$FindingRecordedEvent'");
        log.info("province: %,d inspections, %,d problems, %,d events preloaded in %.1f s (%,d stored)", inspections, problems,
                stored - before, preloadSeconds, stored);

        LoadMonitor.Window w = loads.begin();
        startApp(false);
        double ready = app.awaitReady(Duration.ofMinutes(5));
        double caughtUp = awaitAllCaughtUp(head, Duration.ofHours(6));
        Results.Restart first = new Results.Restart(ready, caughtUp, w.end(), results.noisy);
        double firstRate = (stored - before) / Math.max(caughtUp - ready, 1e-3);
        log.info("province: every processor through the new history %.1f s after start (%.0f new events/s)", caughtUp, firstRate);

        java.util.SplittableRandom pick = new java.util.SplittableRandom(o.seed());
        List<Results.ReadLatency> reads = new ArrayList<>();
        reads.add(timeRead("dashboard overview", () -> "/api/dashboard/inspections?size=50"));
        reads.add(timeRead("round totals", () -> "/api/inspection-rounds/pr-" + (1 + pick.nextInt(rounds)) + "/totals"));
        reads.add(timeRead("dashboard of one inspection", () -> "/api/dashboard/inspections/p-" + (1 + pick.nextInt((int) inspections))));
        reads.add(timeRead("ledger", () -> "/api/rectifications/p-" + (1 + pick.nextInt((int) inspections))));
        stopApp();

        List<Double> scans = new ArrayList<>();
        LoadMonitor.Window scanLoad = loads.begin();
        scans.add(PhysicalLimit.rawScan(db).rowsPerSecond());
        Results.Replay replay = replay(stored, Stats.of(scans), scanLoad.end());
        double replayAll = replay.projections().stream().mapToDouble(p -> p.replaySeconds().median()).sum() / 60;
        log.info("province: replay of every projection, one after the other: %.1f min", replayAll);
        return new Results.Province(rounds, units, inspections, problems, stored - before, stored, preloadSeconds, first,
                firstRate, reads, replay, replayAll);
    }

    /** Times {@code --province-reads} GETs (after 10 untimed ones) as admin, one after the other. */
    private Results.ReadLatency timeRead(String name, java.util.function.Supplier<String> path) throws Exception {
        for (int i = 0; i < 10; i++) {
            app.api.send(0, "admin", "GET", path.get(), null);
        }
        int n = o.provinceReads();
        double[] ms = new double[n];
        int failed = 0;
        String example = null;
        LoadMonitor.Window w = loads.begin();
        for (int i = 0; i < n; i++) {
            String p = path.get();
            example = example == null ? p : example;
            long t = System.nanoTime();
            HttpApi.Response r = app.api.send(0, "admin", "GET", p, null);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.status() != 200) {
                failed++;
                if (failed == 1) {
                    log.info("province: %s answered %d: %s", p, r.status(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
                }
            }
        }
        LoadMonitor.Load load = w.end();
        java.util.Arrays.sort(ms);
        Results.ReadLatency l = new Results.ReadLatency(name, example, n, failed, percentile(ms, 0.50), percentile(ms, 0.99),
                ms[n - 1], load, results.noisy);
        log.info("province: %s (%s): p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed of %d", name, example, l.p50Ms(), l.p99Ms(),
                l.maxMs(), failed, n);
        return l;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** Appends {@code rows} events of generated history with COPY, in transactions of 200k rows; returns rows/s. */
    private double preload(long rows) throws Exception {
        log.info("preloading %,d events with COPY", rows);
        long t0 = System.nanoTime();
        long left = rows;
        try (Connection c = db.connect()) {
            while (left > 0) {
                long chunk = Math.min(left, 200_000);
                try (CopyWriter w = new CopyWriter(c, "domain_event_entry")) {
                    history.generate(chunk, w::write);
                }
                left -= chunk;
                if (rows > 500_000) {
                    log.info("  %,d / %,d", rows - left, rows);
                }
            }
        }
        double rate = rows / ((System.nanoTime() - t0) / 1e9);
        log.info("preloaded %,d events at %.0f events/s (generation included)", rows, rate);
        return rate;
    }

    /**
     * The projections figure 3 replays: those the harness knows the tables of ({@link Projections#KNOWN}) that the app
     * reports as resettable ({@code GET /api/admin/projections}, {@code supportsReset}; policies and sagas are not),
     * narrowed by --projections. Without the admin endpoint: every known one.
     */
    private void chooseProjections() {
        replayed.clear();
        notReplayed.clear();
        List<String> resettable = null;
        try {
            HttpApi.Response r = app.api.send(0, "admin", "GET", "/api/admin/projections", null);
            if (r.status() == 200) {
                resettable = new ArrayList<>();
                List<String> all = new ArrayList<>();
                for (JsonNode p : new ObjectMapper().readTree(r.body()).path("projections")) {
                    all.add(p.path("name").asText());
                    if (p.path("supportsReset").asBoolean(false)) {
                        resettable.add(p.path("name").asText());
                    }
                }
                results.capabilities.put("processors", all);
                results.capabilities.put("resettableProcessors", resettable);
            }
        } catch (Exception e) {
            log.info("cannot list the processors (%s): replaying every projection the harness knows", e);
        }
        for (Projection p : Projections.KNOWN) {
            if (!o.projections().isEmpty() && !o.projections().contains(p.processor())) {
                continue;
            }
            if (resettable == null || resettable.contains(p.processor())) {
                replayed.add(p);
            } else {
                notReplayed.add(p.processor() + ": not resettable in this version of the app (or absent)");
            }
        }
        if (resettable != null) {
            for (String name : resettable) {
                if (Projections.known(name) == null) {
                    notReplayed.add(name + ": resettable, but the harness does not know its tables (add it to Projections.KNOWN)");
                }
            }
        }
        for (String name : o.projections()) {
            if (Projections.known(name) == null) {
                notReplayed.add(name + ": unknown to the harness");
            }
        }
    }

    /**
     * Figure 3: every projection replayed alone, one after the other (the others keep their tokens): stop the app,
     * delete the projection's token and empty its tables, start the app, time until its token is at the head again,
     * check its read model against the events. {@code inspection-projection}'s figures are also the top-level ones.
     */
    private Results.Replay replay(long stored, Stats rawScan, LoadMonitor.Load rawScanLoad) throws Exception {
        Map<String, Position> positions;
        try (Connection c = db.connect()) {
            positions = Projections.positions(c);
        }
        List<String> skipped = new ArrayList<>(notReplayed);
        List<Results.ProjectionReplay> each = new ArrayList<>();
        for (Projection p : replayed) {
            if (!positions.containsKey(p.processor())) {
                skipped.add(p.processor() + ": no token in token_entry");
                log.info("projection %s has no token: not replayed", p.processor());
                continue;
            }
            each.add(replayOne(p, stored, rawScan));
        }
        Results.ProjectionReplay main = each.stream().filter(r -> r.processor().equals("inspection-projection")).findFirst()
                .orElse(each.isEmpty() ? null : each.get(0));
        if (main == null) {
            return new Results.Replay(rawScan, Stats.of(List.of()), Stats.of(List.of()), Stats.of(List.of()), null, -1, -1,
                    "no projection to replay", "none", null, each, skipped, rawScanLoad, results.noisy);
        }
        return new Results.Replay(rawScan, main.eventsPerSecond(), main.replaySeconds(), main.processStartToCaughtUpSeconds(),
                main.ratioToRawScan(), main.peakRssBytes(), main.heapUsedMidReplayBytes(), main.readModelCheck(),
                "each projection alone: reset token + empty its tables + restart", main.profile(), each, skipped, rawScanLoad,
                results.noisy);
    }

    private Results.ProjectionReplay replayOne(Projection p, long stored, Stats rawScan) throws Exception {
        long head = db.scalar("select coalesce(max(global_index),0) from domain_event_entry");
        int runs = o.replayRuns(stored);
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        long peakRss = -1;
        long heapMid = -1;
        List<String> tables = List.of();
        Instant[] replayWindow = new Instant[2];
        LoadMonitor.Window window = loads.begin();
        for (int run = 0; run < runs; run++) {
            stopApp();
            try (Connection c = db.connect()) {
                tables = Projections.reset(c, p);
            }
            if (run == 0) {
                log.info("replay: reset %s (token deleted, %s emptied)", p.processor(), tables);
            }
            boolean lastRun = run == runs - 1;
            startApp(o.jfr() && lastRun);
            long[] mem = new long[]{-1, -1};
            double[] t = awaitReplay(List.of(p), head, Duration.ofMinutes(60), lastRun, mem);
            if (lastRun) {
                replayWindow[0] = Instant.now().minusMillis((long) ((t[1] - t[0]) * 1000));
                replayWindow[1] = Instant.now();
            }
            double replaySeconds = t[1] - t[0];
            rates.add((head - t[2]) / replaySeconds);
            seconds.add(replaySeconds);
            total.add(t[1]);
            peakRss = Math.max(peakRss, mem[0]);
            if (mem[1] > 0) {
                heapMid = mem[1];
            }
            log.info("figure 3: replay of %s over %,d events: %.2f s (%.0f events/s), %.2f s from process start", p.processor(),
                    head, replaySeconds, (head - t[2]) / replaySeconds, t[1]);
        }
        LoadMonitor.Load load = window.end();
        String check = p.check().run(db);
        log.info("read model of %s after replay: %s", p.processor(), check);
        Path jfr = app.jfrFile;
        stopApp();
        Map<String, Object> profile = null;
        if (jfr != null) {
            profile = Profiler.summarize(jfr, 25, replayWindow[0], replayWindow[1]);
            log.info("profile of the replay of %s: %s", p.processor(), profile.get("byArea"));
        }
        Stats rate = Stats.of(rates);
        return new Results.ProjectionReplay(p.processor(), rate, Stats.of(seconds), Stats.of(total),
                rawScan.present() ? rate.median() / rawScan.median() : null, peakRss, heapMid, check, tables, profile, load,
                results.noisy);
    }

    /**
     * Polls the tokens every 50 ms until every projection in {@code projections} has reached {@code head}. (The token
     * may stay a ReplayToken after that: Axon keeps the wrapper until an event beyond the reset point arrives.) Returns {first-token seconds, caught-up seconds, index at the first token} since process start;
     * fills {@code mem} with the peak RSS and, when {@code sampleHeap}, the heap in use at about half-way.
     */
    private double[] awaitReplay(List<Projection> projections, long head, Duration timeout, boolean sampleHeap, long[] mem) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        double first = -1;
        long firstIndex = 0;
        try (Connection c = db.connect()) {
            while (System.nanoTime() < deadline) {
                if (!app.alive()) {
                    throw app.died("during the replay");
                }
                Map<String, Position> pos = Projections.positions(c);
                long min = Long.MAX_VALUE;
                boolean all = true;
                boolean any = false;
                for (Projection p : projections) {
                    Position x = pos.get(p.processor());
                    if (x == null) {
                        all = false;
                        continue;
                    }
                    any = true;
                    min = Math.min(min, x.index());
                    if (x.index() < head) {
                        all = false;
                    }
                }
                double now = app.secondsSinceStart();
                if (any && first < 0) {
                    first = now;
                    firstIndex = Math.max(0, min);
                }
                mem[0] = Math.max(mem[0], app.rssBytes());
                if (sampleHeap && mem[1] < 0 && any && min > head / 2 && head > 20_000) {
                    mem[1] = app.heapUsedBytes(false);
                }
                if (all) {
                    return new double[]{first, now, firstIndex};
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("projections did not catch up within " + timeout);
    }

    /** Seconds since the process started until every processor in token_entry is at {@code head}. */
    private double awaitAllCaughtUp(long head, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = db.connect()) {
            while (System.nanoTime() < deadline) {
                if (!app.alive()) {
                    throw app.died("while catching up");
                }
                Map<String, Position> pos = Projections.positions(c);
                if (!pos.isEmpty() && pos.values().stream().allMatch(p -> p.index() >= head)) {
                    return app.secondsSinceStart();
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("projections did not catch up within " + timeout + ": " + Projections.positions(db.connect()));
    }

    // ───────────────────────────── figure 7 ─────────────────────────────

    private void auditExport(long stored) {
        Map<String, Object> a = results.auditExport;
        a.put("pointInTime", results.capabilities.get("pointInTimeEndpoints").toString().equals("[]")
                ? "not available" : "detected, not measured: " + results.capabilities.get("pointInTimeEndpoints"));
        if (!Boolean.TRUE.equals(results.capabilities.get("auditExport"))) {
            a.put("export", "not available (no GET /api/audit/events.ndjson in this version)");
            log.info("figure 7: audit export not available");
            return;
        }
        AtomicLong lines = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong peak = new AtomicLong(app.rssBytes());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(app.rssBytes(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            long t0 = System.nanoTime();
            int status = -1;
            for (String user : List.of("auditor", "admin")) {
                status = app.api.stream(user, "/api/audit/events.ndjson", (InputStream in) -> {
                    try {
                        byte[] buf = new byte[1 << 16];
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            bytes.addAndGet(n);
                            for (int i = 0; i < n; i++) {
                                if (buf[i] == '\n') {
                                    lines.incrementAndGet();
                                }
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                if (status != 403) {
                    break;
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            a.put("status", status);
            a.put("storedEvents", stored);
            a.put("lines", lines.get());
            a.put("bytes", bytes.get());
            a.put("seconds", s);
            a.put("eventsPerSecond", lines.get() / s);
            a.put("peakRssBytes", peak.get());
            log.info("figure 7: audit export: status %d, %,d lines in %.1f s, peak RSS %d MB", status, lines.get(), s, peak.get() >> 20);
        } catch (Exception e) {
            a.put("error", e.toString());
        } finally {
            running.set(false);
        }
    }

    // ───────────────────────────── figure 6: embedded cold start ─────────────────────────────

    /** The seed case's published notice (README: {@code curl -s "$B/notices/nanhai-2023-tzb-notice.txt"}). */
    static final String SEED_NOTICE = "/notices/nanhai-2023-tzb-notice.txt";

    /**
     * Figure 6's embedded cold start: the README's run command without its build (the same jar and JVM flags, no
     * database configured, a fresh data directory): process start to ready, and to the seed notice visible.
     */
    private void coldStart() throws Exception {
        stopApp();
        List<Double> ready = new ArrayList<>();
        List<Double> notice = new ArrayList<>();
        long rss = -1;
        LoadMonitor.Window window = loads.begin();
        for (int i = 0; i < o.coldStartRuns(); i++) {
            Path dir = Files.createTempDirectory("zhenggai-bench-cold");
            Map<String, String> env = new HashMap<>();
            env.put("ZHENGGAI_DB_URL", null);
            env.put("ZHENGGAI_DB_USER", null);
            env.put("ZHENGGAI_DB_PASSWORD", null);
            env.put("ZHENGGAI_DATA_DIR", dir.toString());
            env.put("ZHENGGAI_DEMO_ACCOUNTS", null);
            env.put("ZHENGGAI_SEED", null);
            appStarts++;
            try (AppProcess cold = AppProcess.start(appJar(), env, appJvmArgs,
                    runDir.resolve(String.format("app-%02d-embedded.log", appStarts)), null)) {
                ready.add(cold.awaitReady(Duration.ofMinutes(3)));
                rss = cold.rssBytes();
                double seen = awaitSeedNotice(cold, Duration.ofMinutes(3));
                if (seen > 0) {
                    notice.add(seen);
                }
                log.info("figure 6: embedded cold start (fresh data directory): ready in %.2f s, seed notice visible %s",
                        ready.get(ready.size() - 1), seen > 0 ? String.format(java.util.Locale.ROOT, "%.2f s", seen) : "never (3 min)");
            } finally {
                Database.deleteTree(dir);
            }
        }
        results.embeddedColdStartSeconds = Stats.of(ready);
        results.embeddedColdStartRssBytes = rss;
        results.seedNoticeVisibleSeconds = Stats.of(notice);
        results.coldStartLoad = window.end();
    }

    /** Seconds since the process started until the seed notice answers 200; -1 when it did not within {@code timeout}. */
    private static double awaitSeedNotice(AppProcess app, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.alive()) {
                throw app.died("while loading the seed case");
            }
            if (app.api.getAnonymous(SEED_NOTICE, Duration.ofSeconds(5)).status() == 200) {
                return app.secondsSinceStart();
            }
            Thread.sleep(100);
        }
        return -1;
    }
}
