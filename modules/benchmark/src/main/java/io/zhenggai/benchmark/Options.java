package io.zhenggai.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the harness. Defaults give the full run (~20-30 min on 2 cores); {@code --quick} a first
 * look in a few minutes. Every option is printed into the result file so that a figure can be traced to its settings.
 */
record Options(
        boolean quick,
        Path appJar,
        Path outputDir,
        String dbMode,
        String dbHost,
        int dbPort,
        long seed,
        List<Integer> concurrencies,
        List<Long> historySteps,
        int runs,
        double runSeconds,
        double warmupSeconds,
        double limitRunSeconds,
        int replayRunsSmall,
        int replayRunsLarge,
        int coldStartRuns,
        int activeInspections,
        double zipfExponent,
        boolean jfr,
        List<String> appJvmArgs,
        boolean keepDatabase,
        boolean skipColdStart,
        String baseJvmArgs,
        boolean rectification,
        double rectificationShare,
        List<String> projections,
        boolean allowNoisy,
        String label,
        List<Path> compare,
        boolean province,
        boolean provinceOnly,
        int provinceRounds,
        int provinceUnits,
        int provinceReads) {

    /** The 1-minute load average above which the machine is not quiet enough to report figures. */
    static final double MAX_START_LOAD = 1.5;

    static final String USAGE = """
            usage: java -jar modules/benchmark/target/zhenggai-benchmark.jar [options]
              --quick               a first look (~3-5 min): 2 runs of 3 s, history steps 10k and 100k
              --with-10m            add the 10M-event growth step (needs ~10 GB of disk and ~1 h)
              --steps 10000,100000  history sizes of the growth figure (events already stored)
              --concurrency 1,4,16,64
              --runs N              runs per figure (median and spread are reported), default 3
              --run-seconds S       length of one command run, default 8
              --warmup-seconds S    warm-up before each concurrency, default 3
              --seed N              random seed of the workload and the history (default 20230912)
              --active N            inspections being worked on at once (Zipf-ranked), default 400
              --zipf S              Zipf exponent of the choice of aggregate, default 1.0
              --db auto|local|embedded   auto: 127.0.0.1:5432 when it answers, else an embedded PostgreSQL
              --db-host H --db-port P    the local server (default 127.0.0.1:5432, trust auth, user postgres)
              --app-jar PATH        default modules/app/target/zhenggai.jar
              --out DIR             default bench-results
              --jfr                 record the app with JDK Flight Recorder and print its hot methods
              --base-jvm-args readme|none|"..."  the app's JVM flags: readme (default) = those of README.md's run
                                    command, none = the JVM's defaults, or the flags given
              --app-jvm-args "..."  extra JVM flags for the app, after the base ones (e.g. "-Xmx192m"; the last wins)
              --label NAME          a name for this run in the JSON (e.g. "cache-on"), shown by --compare
              --compare A.json B.json   print a before/after table of two result files (runs nothing)
              --rectification-share X   share of rectification commands in the mix, default 0.5
              --no-rectification    the inspection workload and history alone (as the harness before it knew rectification)
              --projections a,b     which projections figure 3 replays (default: every projection that supports a reset)
              --allow-noisy         report even when the 1-min load average at start is above 1.5, every figure marked noisy
              --skip-cold-start     do not measure the embedded cold start
              --keep-db             do not drop the benchmark database at the end
              --province            add the province step after the growth steps: 100 rounds x 40 units x ~16 problems
                                    with their rectification, preloaded by COPY; dashboard, round totals and ledger
                                    p50/p99, the first catch-up and the replay of every projection (long: ~1 h)
              --province-only       the province step alone (no figure 1, no growth steps, no cold start)
              --province-rounds N   rounds of the province step, default 100 (e.g. 2 for a look at the step itself)
              --province-units N    units (inspections) per round, default 40
              --province-reads N    timed requests per read figure of the province step, default 200
            """;

    static Options parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean with10m = Arrays.asList(args).contains("--with-10m");
        Path appJar = Path.of("modules/app/target/zhenggai.jar");
        Path out = Path.of("bench-results");
        String db = "auto";
        String host = "127.0.0.1";
        int port = 5432;
        long seed = 20230912L;
        List<Integer> conc = List.of(1, 4, 16, 64);
        List<Long> steps = quick ? List.of(10_000L, 100_000L) : List.of(10_000L, 100_000L, 1_000_000L);
        int runs = quick ? 2 : 3;
        double runSeconds = quick ? 3 : 8;
        double warmup = quick ? 1.5 : 3;
        double limitSeconds = quick ? 2 : 4;
        int replaySmall = quick ? 1 : 3;
        int replayLarge = 1;
        int coldRuns = quick ? 1 : 3;
        int active = 400;
        double zipf = 1.0;
        boolean jfr = false;
        List<String> jvmArgs = new ArrayList<>();
        boolean keep = false;
        boolean skipCold = false;
        String baseJvm = "readme";
        boolean rectification = true;
        double share = 0.5;
        List<String> projections = List.of();
        boolean allowNoisy = false;
        String label = null;
        List<Path> compare = List.of();
        boolean province = false;
        boolean provinceOnly = false;
        int provinceRounds = 100;
        int provinceUnits = 40;
        int provinceReads = 200;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick", "--with-10m" -> { }
                case "--steps" -> steps = Arrays.stream(args[++i].split(",")).map(String::trim).map(Options::count).toList();
                case "--concurrency" -> conc = Arrays.stream(args[++i].split(",")).map(String::trim).map(Integer::parseInt).toList();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--run-seconds" -> runSeconds = Double.parseDouble(args[++i]);
                case "--warmup-seconds" -> warmup = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--active" -> active = Integer.parseInt(args[++i]);
                case "--zipf" -> zipf = Double.parseDouble(args[++i]);
                case "--db" -> db = args[++i];
                case "--db-host" -> host = args[++i];
                case "--db-port" -> port = Integer.parseInt(args[++i]);
                case "--app-jar" -> appJar = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--jfr" -> jfr = true;
                case "--app-jvm-args" -> jvmArgs.addAll(Arrays.stream(args[++i].trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
                case "--keep-db" -> keep = true;
                case "--skip-cold-start" -> skipCold = true;
                case "--base-jvm-args" -> baseJvm = args[++i].trim();
                case "--no-rectification" -> rectification = false;
                case "--rectification-share" -> share = Double.parseDouble(args[++i]);
                case "--projections" -> projections = Arrays.stream(args[++i].split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
                case "--allow-noisy" -> allowNoisy = true;
                case "--label" -> label = args[++i];
                case "--compare" -> compare = List.of(Path.of(args[++i]), Path.of(args[++i]));
                case "--province" -> province = true;
                case "--province-only" -> {
                    province = true;
                    provinceOnly = true;
                }
                case "--province-rounds" -> provinceRounds = Integer.parseInt(args[++i]);
                case "--province-units" -> provinceUnits = Integer.parseInt(args[++i]);
                case "--province-reads" -> provinceReads = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (with10m && !steps.contains(10_000_000L)) {
            steps = new ArrayList<>(steps);
            steps.add(10_000_000L);
        }
        if (!List.of("auto", "local", "embedded").contains(db)) {
            throw new IllegalArgumentException("--db must be auto, local or embedded");
        }
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("--rectification-share must be between 0 and 1");
        }
        if (!rectification) {
            share = 0;
        }
        if (provinceRounds < 1 || provinceUnits < 1 || provinceReads < 1) {
            throw new IllegalArgumentException("--province-rounds, --province-units and --province-reads must be at least 1");
        }
        steps = steps.stream().sorted().toList();
        return new Options(quick, appJar, out, db, host, port, seed, conc, steps, runs, runSeconds, warmup, limitSeconds,
                replaySmall, replayLarge, coldRuns, active, zipf, jfr, List.copyOf(jvmArgs), keep, skipCold, baseJvm,
                rectification, share, projections, allowNoisy, label, compare,
                province, provinceOnly, provinceRounds, provinceUnits, provinceReads);
    }

    /** "10k" → 10000, "1M" → 1000000, "250000" → 250000. */
    static long count(String s) {
        String t = s.toLowerCase();
        if (t.endsWith("k")) {
            return (long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000);
        }
        if (t.endsWith("m")) {
            return (long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000_000);
        }
        return Long.parseLong(t);
    }

    /** How many replays to time at a history of {@code events}: several when they are short, one when long. */
    int replayRuns(long events) {
        if (events >= 500_000) {
            return replayRunsLarge;
        }
        return events > 50_000 ? Math.min(2, replayRunsSmall) : replayRunsSmall;
    }
}
