package io.zhenggai.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured; serialised as the JSON result file. Figures are numbered as in docs/benchmarks.md. */
final class Results {

    /** Figure 1 at one concurrency: rows/s and commit latency of one-row transactions. */
    record LimitAt(int clients, Stats rowsPerSecond, Stats p50Ms, Stats p99Ms, String note, LoadMonitor.Load load, boolean noisy) {
    }

    record Limit(List<LimitAt> oneRowPerTransaction, Stats hundredRowsPerTransaction, Stats copyRowsPerSecond,
                 double payloadBytes, double metaDataBytes, List<String> indexesOfCopy, List<String> indexesOfEventTable,
                 LoadMonitor.Load load, boolean noisy) {
    }

    /** Figure 2 (and 4) at one concurrency. */
    record Commands(int clients, Stats commandsPerSecond, Stats eventsPerSecond, Stats p50Ms, Stats p95Ms, Stats p99Ms,
                    long failed, Map<String, String> errorSamples, Double ratioToOneRowLimit, LoadMonitor.Load load, boolean noisy) {
    }

    /**
     * Figure 3 at one history size. The top-level figures are those of {@code inspection-projection} replayed alone
     * (figure 3 of every run before the harness replayed every projection); {@code projections} has every projection,
     * each replayed alone (the others keep their tokens), with its rate, its ratio to the raw scan and its check.
     */
    record Replay(Stats rawScanRowsPerSecond, Stats replayEventsPerSecond, Stats replaySeconds, Stats processStartToCaughtUpSeconds,
                  Double ratioToRawScan, long peakRssBytes, long heapUsedMidReplayBytes, String readModelCheck, String method,
                  Map<String, Object> profile, List<ProjectionReplay> projections, List<String> notReplayed,
                  LoadMonitor.Load rawScanLoad, boolean noisy) {
    }

    /** One projection's full replay: events/s over the whole event table, its ratio to the raw scan, the check after it. */
    record ProjectionReplay(String processor, Stats eventsPerSecond, Stats replaySeconds, Stats processStartToCaughtUpSeconds,
                            Double ratioToRawScan, long peakRssBytes, long heapUsedMidReplayBytes, String readModelCheck,
                            List<String> tablesEmptied, Map<String, Object> profile, LoadMonitor.Load load, boolean noisy) {
    }

    /** Figure 6 at one history size: a normal restart (tokens kept). */
    record Restart(double readySeconds, double allProjectionsCaughtUpSeconds, LoadMonitor.Load load, boolean noisy) {
    }

    /** Figure 5 at one history size. */
    record Memory(long rssIdleBytes, long rssSteadyBytes, long liveHeapBytes, long rssAfterGcBytes, double bytesPerEvent,
                  long eventTableBytes, double avgPayloadBytes, LoadMonitor.Load load, boolean noisy) {
    }

    /**
     * One history size. {@code afterPreload}: the first start after the preload, until every processor (policies
     * included) has processed the new history, before figure 3; {@code rectificationEvents}: events of the
     * rectification context among the stored ones.
     */
    record Step(long targetEvents, long storedEvents, double preloadRowsPerSecond, long preloadedRows, Replay replay,
                Restart restart, Memory memory, List<Commands> commands, Map<String, Object> profile,
                List<String> loadAverages, Restart afterPreload, long rectificationEvents, LoadMonitor.Load commandsLoad) {
    }

    /** A target of the issue: the goal, what was measured, the ratio when it is one, met (null: measured only). */
    record Target(String name, String goal, String actual, Boolean met, String note, boolean noisy) {
    }

    final Map<String, Object> run = new LinkedHashMap<>();
    final Map<String, Object> machine = new LinkedHashMap<>();
    final Map<String, Object> capabilities = new LinkedHashMap<>();
    Limit limit;
    final List<Step> steps = new ArrayList<>();

    /** One read of the province step, timed {@code requests} times one after the other (1 client). */
    record ReadLatency(String name, String path, int requests, int failed, double p50Ms, double p99Ms, double maxMs,
                       LoadMonitor.Load load, boolean noisy) {
    }

    /**
     * The province step: {@code rounds × units} inspections with their rectifications preloaded by COPY on top of
     * what was stored; the first start until every processor is through them; the reads; each projection replayed.
     */
    record Province(int rounds, int units, long inspections, long problems, long preloadedEvents, long storedEvents,
                    double preloadSeconds, Restart firstCatchUp, double firstCatchUpEventsPerSecond,
                    List<ReadLatency> reads, Replay replay, double replayAllMinutes) {
    }

    Province province;
    Double emptyDatabaseReadySeconds;
    Stats embeddedColdStartSeconds;
    Long embeddedColdStartRssBytes;
    /** README's command (minus the build): process start to the seed notice visible at /notices/{id}.txt. */
    Stats seedNoticeVisibleSeconds;
    LoadMonitor.Load coldStartLoad;
    /** --label of the run. */
    String label;
    /** The 1-minute load average at start was above the limit and --allow-noisy was given: every figure is marked. */
    boolean noisy;
    /** The app's JVM flags: base (README's by default) + --app-jvm-args, and where the base came from. */
    List<String> appJvmArgs;
    String appJvmArgsSource;
    final Map<String, Object> auditExport = new LinkedHashMap<>();
    final List<Target> targets = new ArrayList<>();
    final Map<String, Long> commandMix = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    String error;
}
