package io.zhenggai.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured; serialised as the JSON result file. Figures are numbered as in docs/benchmarks.md. */
final class Results {

    /** Figure 1 at one concurrency: rows/s and commit latency of one-row transactions. */
    record LimitAt(int clients, Stats rowsPerSecond, Stats p50Ms, Stats p99Ms, String note) {
    }

    record Limit(List<LimitAt> oneRowPerTransaction, Stats hundredRowsPerTransaction, Stats copyRowsPerSecond,
                 double payloadBytes, double metaDataBytes, List<String> indexesOfCopy, List<String> indexesOfEventTable) {
    }

    /** Figure 2 (and 4) at one concurrency. */
    record Commands(int clients, Stats commandsPerSecond, Stats eventsPerSecond, Stats p50Ms, Stats p95Ms, Stats p99Ms,
                    long failed, Map<String, String> errorSamples, Double ratioToOneRowLimit) {
    }

    /** Figure 3 at one history size. */
    record Replay(Stats rawScanRowsPerSecond, Stats replayEventsPerSecond, Stats replaySeconds, Stats processStartToCaughtUpSeconds,
                  Double ratioToRawScan, long peakRssBytes, long heapUsedMidReplayBytes, String readModelCheck, String method,
                  Map<String, Object> profile) {
    }

    /** Figure 6 at one history size: a normal restart (tokens kept). */
    record Restart(double readySeconds, double allProjectionsCaughtUpSeconds) {
    }

    /** Figure 5 at one history size. */
    record Memory(long rssIdleBytes, long rssSteadyBytes, long liveHeapBytes, long rssAfterGcBytes, double bytesPerEvent,
                  long eventTableBytes, double avgPayloadBytes) {
    }

    record Step(long targetEvents, long storedEvents, double preloadRowsPerSecond, long preloadedRows, Replay replay,
                Restart restart, Memory memory, List<Commands> commands, Map<String, Object> profile,
                List<String> loadAverages) {
    }

    record Target(String name, String goal, String actual, Boolean met, String note) {
    }

    final Map<String, Object> run = new LinkedHashMap<>();
    final Map<String, Object> machine = new LinkedHashMap<>();
    final Map<String, Object> capabilities = new LinkedHashMap<>();
    Limit limit;
    final List<Step> steps = new ArrayList<>();
    Double emptyDatabaseReadySeconds;
    Stats embeddedColdStartSeconds;
    Long embeddedColdStartRssBytes;
    final Map<String, Object> auditExport = new LinkedHashMap<>();
    final List<Target> targets = new ArrayList<>();
    final Map<String, Long> commandMix = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    String error;
}
