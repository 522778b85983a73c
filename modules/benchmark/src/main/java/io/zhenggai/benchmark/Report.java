package io.zhenggai.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The targets of the issue, and the results table printed at the end of a run. */
final class Report {
    private Report() {
    }

    static final double EVENTS_RATIO_GOAL = 0.5;
    static final double P99_GOAL_MS = 25;
    static final double REPLAY_RATIO_GOAL = 0.25;
    static final double GROWTH_GOAL = 1.2;
    static final long RSS_GOAL = 300L << 20;
    static final double COLD_START_GOAL = 8;

    static void targets(Results r, Options o) {
        r.targets.clear();
        Results.Step first = r.steps.isEmpty() ? null : r.steps.get(0);
        Results.Step last = r.steps.isEmpty() ? null : r.steps.get(r.steps.size() - 1);
        Results.Commands c16 = first == null ? null : at(first, 16);
        if (c16 != null && c16.ratioToOneRowLimit() != null) {
            r.targets.add(new Results.Target("command events/s at 16 clients vs. JDBC one row per transaction",
                    "≥ " + EVENTS_RATIO_GOAL + "×", String.format(Locale.ROOT, "%.2f× (%.0f vs %.0f /s, %,d events stored)",
                    c16.ratioToOneRowLimit(), c16.eventsPerSecond().median(), c16.eventsPerSecond().median() / c16.ratioToOneRowLimit(),
                    first.storedEvents()),
                    c16.ratioToOneRowLimit() >= EVENTS_RATIO_GOAL, null));
        }
        if (c16 != null) {
            r.targets.add(new Results.Target("command p99 latency at 16 clients", "≤ " + P99_GOAL_MS + " ms",
                    String.format(Locale.ROOT, "%.1f ms", c16.p99Ms().median()), c16.p99Ms().median() <= P99_GOAL_MS, null));
        }
        if (last != null && last.replay() != null && last.replay().ratioToRawScan() != null) {
            Results.Replay rp = last.replay();
            r.targets.add(new Results.Target("replay events/s vs. raw JDBC scan in global order (" + human(last.storedEvents()) + " events)",
                    "≥ " + REPLAY_RATIO_GOAL + "×", String.format(Locale.ROOT, "%.2f× (%.0f vs %.0f /s)", rp.ratioToRawScan(),
                    rp.replayEventsPerSecond().median(), rp.rawScanRowsPerSecond().median()),
                    rp.ratioToRawScan() >= REPLAY_RATIO_GOAL, null));
        }
        if (first != null && last != null && first != last) {
            Results.Commands a = at(first, 16);
            Results.Commands b = at(last, 16);
            if (a != null && b != null) {
                double ratio = b.p50Ms().median() / a.p50Ms().median();
                double ratio99 = b.p99Ms().median() / a.p99Ms().median();
                boolean full = last.storedEvents() >= 1_000_000;
                r.targets.add(new Results.Target("command latency (p50, 16 clients) with " + human(last.storedEvents()) + " vs "
                        + human(first.storedEvents()) + " events stored", "≤ " + GROWTH_GOAL + "×",
                        String.format(Locale.ROOT, "%.2f× (%.1f vs %.1f ms; p99 %.2f×)", ratio, b.p50Ms().median(), a.p50Ms().median(), ratio99),
                        ratio <= GROWTH_GOAL, full ? null : "the goal is stated for 1M events: run without --quick"));
            }
        }
        if (last != null && last.memory() != null) {
            long rss = r.steps.stream().mapToLong(s -> s.memory().rssSteadyBytes()).max().orElse(-1);
            r.targets.add(new Results.Target("app RSS at steady state (largest over all history sizes)", "≤ 300 MB",
                    (rss >> 20) + " MB", rss > 0 && rss <= RSS_GOAL, null));
        }
        if (r.embeddedColdStartSeconds != null && r.embeddedColdStartSeconds.present()) {
            r.targets.add(new Results.Target("embedded cold start to ready (fresh data directory)", "≤ " + COLD_START_GOAL + " s",
                    r.embeddedColdStartSeconds.format("%.2f s"), r.embeddedColdStartSeconds.median() <= COLD_START_GOAL, null));
        }
    }

    private static Results.Commands at(Results.Step s, int clients) {
        return s.commands().stream().filter(c -> c.clients() == clients).findFirst().orElse(null);
    }

    static String human(long n) {
        if (n >= 1_000_000 && n % 100_000 == 0) {
            return (n / 1_000_000.0 == Math.rint(n / 1_000_000.0) ? Long.toString(n / 1_000_000) : Double.toString(n / 1_000_000.0)) + "M";
        }
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.0fk", n / 1e3);
        }
        return Long.toString(n);
    }

    static void print(Results r, PrintStream out) {
        out.println();
        out.println("══════════════ Zhenggai benchmark ══════════════");
        out.printf(Locale.ROOT, "machine: %s cores (%s), %s MB, %s; load average at start %s%n", r.machine.get("cores"),
                r.machine.get("cpu"), r.machine.get("memoryMb"), r.machine.get("java"), r.machine.get("loadAverageAtStart"));
        Object pg = r.machine.get("postgres");
        if (pg instanceof Map<?, ?> m) {
            out.printf("PostgreSQL: %s (%s)%n  %s%n", m.get("version"), m.get("mode"), m.get("settings"));
        }
        out.println("Figures are medians of the runs; ±x% is half the spread (max-min) relative to the median.");

        if (r.limit != null) {
            out.println();
            out.println("Figure 1 — physical limit: plain JDBC into a copy of domain_event_entry");
            out.printf(Locale.ROOT, "  rows like real events: payload %.0f B, metadata %.0f B%n", r.limit.payloadBytes(), r.limit.metaDataBytes());
            out.printf("  %-26s %8s %16s %12s %12s%n", "mode", "clients", "rows/s", "p50 ms", "p99 ms");
            for (Results.LimitAt l : r.limit.oneRowPerTransaction()) {
                out.printf("  %-26s %8d %16s %12s %12s%s%n", "one row per transaction", l.clients(), l.rowsPerSecond().format("%.0f"),
                        l.p50Ms().format("%.2f"), l.p99Ms().format("%.2f"), l.note() == null ? "" : "  (" + l.note() + ")");
            }
            out.printf("  %-26s %8d %16s%n", "100 rows per transaction", 1, r.limit.hundredRowsPerTransaction().format("%.0f"));
            out.printf("  %-26s %8d %16s%n", "COPY (binary)", 1, r.limit.copyRowsPerSecond().format("%.0f"));
        }

        if (!r.steps.isEmpty()) {
            out.println();
            out.println("Figures 2 and 4 — commands through HTTP (first history size = figure 2)");
            out.printf("  %-9s %7s %14s %14s %9s %9s %9s %9s %7s%n", "history", "clients", "commands/s", "events/s", "p50 ms",
                    "p95 ms", "p99 ms", "×limit", "failed");
            for (Results.Step s : r.steps) {
                for (Results.Commands c : s.commands()) {
                    out.printf(Locale.ROOT, "  %-9s %7d %14s %14s %9s %9s %9s %9s %7d%n", human(s.storedEvents()), c.clients(),
                            c.commandsPerSecond().format("%.0f"), c.eventsPerSecond().format("%.0f"), c.p50Ms().format("%.1f"),
                            c.p95Ms().format("%.1f"), c.p99Ms().format("%.1f"),
                            c.ratioToOneRowLimit() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", c.ratioToOneRowLimit()), c.failed());
                }
            }
            for (Results.Step s : r.steps) {
                out.println("  load average at " + human(s.storedEvents()) + ": " + s.loadAverages());
            }
            for (Results.Step s : r.steps) {
                for (Results.Commands c : s.commands()) {
                    if (!c.errorSamples().isEmpty()) {
                        out.println("  failures at " + human(s.storedEvents()) + "/" + c.clients() + " clients: " + c.errorSamples());
                    }
                }
            }

            out.println();
            out.println("Figure 3 — full replay of the projections vs. a raw ordered JDBC scan of the event table");
            out.printf("  %-9s %16s %16s %8s %12s %14s  %s%n", "history", "raw scan rows/s", "replay events/s", "×scan",
                    "replay s", "start→caught s", "read model");
            for (Results.Step s : r.steps) {
                Results.Replay p = s.replay();
                out.printf(Locale.ROOT, "  %-9s %16s %16s %8s %12s %14s  %s%n", human(s.storedEvents()), p.rawScanRowsPerSecond().format("%.0f"),
                        p.replayEventsPerSecond().format("%.0f"), p.ratioToRawScan() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", p.ratioToRawScan()),
                        p.replaySeconds().format("%.2f"), p.processStartToCaughtUpSeconds().format("%.2f"), p.readModelCheck());
            }

            out.println();
            out.println("Figure 5 — memory and disk");
            out.printf("  %-9s %10s %12s %12s %13s %15s %16s %12s%n", "history", "RSS idle", "RSS steady", "live heap",
                    "RSS after GC", "RSS peak replay", "heap mid-replay", "bytes/event");
            for (Results.Step s : r.steps) {
                Results.Memory m = s.memory();
                out.printf(Locale.ROOT, "  %-9s %10s %12s %12s %13s %15s %16s %12.0f%n", human(s.storedEvents()), mb(m.rssIdleBytes()),
                        mb(m.rssSteadyBytes()), mb(m.liveHeapBytes()), mb(m.rssAfterGcBytes()), mb(s.replay().peakRssBytes()),
                        mb(s.replay().heapUsedMidReplayBytes()), m.bytesPerEvent());
            }

            out.println();
            out.println("Figure 6 — start-up");
            if (r.emptyDatabaseReadySeconds != null) {
                out.printf(Locale.ROOT, "  empty external database (Flyway migrations included): ready in %.2f s%n", r.emptyDatabaseReadySeconds);
            }
            for (Results.Step s : r.steps) {
                out.printf(Locale.ROOT, "  restart with %-6s events: ready %.2f s, all projections caught up %.2f s%n",
                        human(s.storedEvents()), s.restart().readySeconds(), s.restart().allProjectionsCaughtUpSeconds());
            }
        }
        if (r.embeddedColdStartSeconds != null) {
            out.printf("  embedded PostgreSQL, fresh data directory: ready in %s s (RSS %s)%n",
                    r.embeddedColdStartSeconds.format("%.2f"), mb(r.embeddedColdStartRssBytes == null ? -1 : r.embeddedColdStartRssBytes));
        }
        if (!r.auditExport.isEmpty()) {
            out.println();
            out.println("Figure 7 — audit export and point-in-time rebuild");
            r.auditExport.forEach((k, v) -> out.println("  " + k + ": " + v));
        }
        for (Results.Step s : r.steps) {
            profile(out, "the command phase at " + human(s.storedEvents()) + " events", s.profile());
            profile(out, "the replay of " + human(s.storedEvents()) + " events", s.replay().profile());
        }

        out.println();
        out.println("Targets");
        for (Results.Target t : r.targets) {
            out.printf("  [%s] %s: %s (goal %s)%s%n", t.met() == null ? " ? " : t.met() ? "met" : "MISSED", t.name(), t.actual(),
                    t.goal(), t.note() == null ? "" : " — " + t.note());
        }
        if (r.error != null) {
            out.println();
            out.println("The run FAILED: " + r.error.lines().findFirst().orElse(r.error) + " (details on stderr)");
        }
        List<String> notes = r.notes;
        for (String n : notes) {
            out.println("Note: " + n);
        }
        out.printf(Locale.ROOT, "Run took %.1f min.%n", ((Number) r.run.getOrDefault("minutes", 0.0)).doubleValue());
    }

    private static void profile(PrintStream out, String what, Map<String, Object> profile) {
        if (profile == null) {
            return;
        }
        out.println();
        out.println("Profile of " + what + " (JFR execution samples: " + profile.get("samples") + ")");
        out.println("  by area (first non-JDK frame from the top): " + profile.get("byArea"));
        for (String key : List.of("hotSelf", "hotTotal")) {
            if (profile.get(key) instanceof Map<?, ?> h) {
                out.println(key.equals("hotSelf") ? "  hottest methods (self time):" : "  hottest methods (on the stack):");
                h.entrySet().stream().limit(12).forEach(e -> out.println("    " + e.getValue() + "  " + e.getKey()));
            }
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : (bytes >> 20) + " MB";
    }
}
