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
        boolean noisy = r.noisy;
        Results.Step first = r.steps.isEmpty() ? null : r.steps.get(0);
        Results.Step last = r.steps.isEmpty() ? null : r.steps.get(r.steps.size() - 1);
        provinceTargets(r, noisy);
        Results.Commands c16 = first == null ? null : at(first, 16);
        if (c16 != null && c16.ratioToOneRowLimit() != null) {
            r.targets.add(new Results.Target("command events/s at 16 clients vs. JDBC one row per transaction at 16",
                    "≥ " + EVENTS_RATIO_GOAL + "×", String.format(Locale.ROOT, "%.2f× (%.0f vs %.0f /s, %s events stored)",
                    c16.ratioToOneRowLimit(), c16.eventsPerSecond().median(), c16.eventsPerSecond().median() / c16.ratioToOneRowLimit(),
                    human(first.storedEvents())),
                    c16.ratioToOneRowLimit() >= EVENTS_RATIO_GOAL, null, noisy));
        }
        if (c16 != null) {
            r.targets.add(new Results.Target("command p99 latency at 16 clients", "≤ " + P99_GOAL_MS + " ms",
                    String.format(Locale.ROOT, "%.1f ms", c16.p99Ms().median()), c16.p99Ms().median() <= P99_GOAL_MS, null, noisy));
        }
        if (last != null && last.replay() != null) {
            boolean full = last.storedEvents() >= 1_000_000;
            for (Results.ProjectionReplay p : last.replay().projections()) {
                if (p.ratioToRawScan() == null) {
                    continue;
                }
                r.targets.add(new Results.Target("replay of " + p.processor() + " vs. raw ordered scan (" + human(last.storedEvents())
                        + " events)", "≥ " + REPLAY_RATIO_GOAL + "×", String.format(Locale.ROOT, "%.2f× (%.0f vs %.0f /s)",
                        p.ratioToRawScan(), p.eventsPerSecond().median(), last.replay().rawScanRowsPerSecond().median()),
                        p.ratioToRawScan() >= REPLAY_RATIO_GOAL, full ? null : "the goal is stated for 1M events: run without --quick",
                        noisy));
            }
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
                        ratio <= GROWTH_GOAL, full ? null : "the goal is stated for 1M events: run without --quick", noisy));
            }
        }
        if (last != null && last.memory() != null) {
            long rss = r.steps.stream().mapToLong(s -> s.memory().rssSteadyBytes()).max().orElse(-1);
            r.targets.add(new Results.Target("app RSS at steady state (largest over all history sizes)", "≤ 300 MB",
                    (rss >> 20) + " MB (JVM flags " + r.appJvmArgs + ")", rss > 0 && rss <= RSS_GOAL, null, noisy));
        }
        if (r.embeddedColdStartSeconds != null && r.embeddedColdStartSeconds.present()) {
            r.targets.add(new Results.Target("embedded cold start to ready (fresh data directory)", "≤ " + COLD_START_GOAL + " s",
                    r.embeddedColdStartSeconds.format("%.2f s"), r.embeddedColdStartSeconds.median() <= COLD_START_GOAL, null, noisy));
        }
        if (r.seedNoticeVisibleSeconds != null) {
            r.targets.add(new Results.Target("README command to the seed notice visible (" + BenchmarkMain.SEED_NOTICE + ")",
                    "measured", r.seedNoticeVisibleSeconds.present() ? r.seedNoticeVisibleSeconds.format("%.2f s") : "never visible",
                    r.seedNoticeVisibleSeconds.present() ? null : Boolean.FALSE,
                    "process start to 200, the build (mvn -DskipTests package) not included", noisy));
        }
    }

    /** Issue 17: at the province's size, dashboard and round totals p99 ≤ 200 ms, ledger p99 ≤ 100 ms. */
    private static void provinceTargets(Results r, boolean noisy) {
        if (r.province == null) {
            return;
        }
        String size = r.province.rounds() + "×" + r.province.units() + " province, " + human(r.province.storedEvents()) + " events";
        for (Results.ReadLatency l : r.province.reads()) {
            double goal = l.name().equals("ledger") ? 100 : l.name().equals("dashboard of one inspection") ? Double.NaN : 200;
            if (!Double.isNaN(goal)) {
                r.targets.add(new Results.Target(l.name() + " p99 (" + size + ")", "≤ " + (int) goal + " ms",
                        String.format(Locale.ROOT, "%.1f ms", l.p99Ms()), l.failed() == 0 && l.p99Ms() <= goal,
                        l.failed() > 0 ? l.failed() + " requests failed" : null, noisy));
            }
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
        out.println("app JVM flags: " + r.appJvmArgs + " (base: " + r.appJvmArgsSource + ")" + (r.label == null ? "" : "; label: " + r.label));
        if (r.noisy) {
            out.println("NOISY RUN: the 1-minute load average at start was above " + Options.MAX_START_LOAD
                    + " (--allow-noisy): every figure is marked (noisy); do not quote them as this system's figures.");
        }
        out.println("Figures are medians of the runs; ±x% is half the spread (max-min) relative to the median. Load: 1-minute"
                + " load average at the figure's start→end (highest during it); the harness's own clients add to it.");

        if (r.limit != null) {
            out.println();
            out.println("Figure 1 — physical limit: plain JDBC into a copy of domain_event_entry");
            out.printf(Locale.ROOT, "  rows like real events: payload %.0f B, metadata %.0f B%n", r.limit.payloadBytes(), r.limit.metaDataBytes());
            out.printf("  %-26s %8s %16s %12s %12s%n", "mode", "clients", "rows/s", "p50 ms", "p99 ms");
            for (Results.LimitAt l : r.limit.oneRowPerTransaction()) {
                out.printf("  %-26s %8d %16s %12s %12s  %s%s%s%n", "one row per transaction", l.clients(), l.rowsPerSecond().format("%.0f"),
                        l.p50Ms().format("%.2f"), l.p99Ms().format("%.2f"), l.load(), noisy(l.noisy()), l.note() == null ? "" : "  (" + l.note() + ")");
            }
            out.printf("  %-26s %8d %16s%n", "100 rows per transaction", 1, r.limit.hundredRowsPerTransaction().format("%.0f"));
            out.printf("  %-26s %8d %16s%n", "COPY (binary)", 1, r.limit.copyRowsPerSecond().format("%.0f"));
            out.println("  load average (1-min) over figure 1: " + r.limit.load() + noisy(r.limit.noisy()));
        }

        if (!r.steps.isEmpty()) {
            out.println();
            out.println("Figures 2 and 4 — commands through HTTP (first history size = figure 2)");
            out.printf("  %-9s %7s %14s %14s %9s %9s %9s %9s %7s  %s%n", "history", "clients", "commands/s", "events/s", "p50 ms",
                    "p95 ms", "p99 ms", "×limit", "failed", "load 1-min");
            for (Results.Step s : r.steps) {
                for (Results.Commands c : s.commands()) {
                    out.printf(Locale.ROOT, "  %-9s %7d %14s %14s %9s %9s %9s %9s %7d  %s%s%n", human(s.storedEvents()), c.clients(),
                            c.commandsPerSecond().format("%.0f"), c.eventsPerSecond().format("%.0f"), c.p50Ms().format("%.1f"),
                            c.p95Ms().format("%.1f"), c.p99Ms().format("%.1f"),
                            c.ratioToOneRowLimit() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", c.ratioToOneRowLimit()), c.failed(),
                            c.load(), noisy(c.noisy()));
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
            out.println("Figure 3 — full replay vs. a raw ordered JDBC scan of the event table (inspection-projection alone:"
                    + " the figure 3 of earlier runs)");
            out.printf("  %-9s %16s %16s %8s %12s %14s  %s%n", "history", "raw scan rows/s", "replay events/s", "×scan",
                    "replay s", "start→caught s", "read model");
            for (Results.Step s : r.steps) {
                Results.Replay p = s.replay();
                out.printf(Locale.ROOT, "  %-9s %16s %16s %8s %12s %14s  %s%s%n", human(s.storedEvents()), p.rawScanRowsPerSecond().format("%.0f"),
                        p.replayEventsPerSecond().format("%.0f"), p.ratioToRawScan() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", p.ratioToRawScan()),
                        p.replaySeconds().format("%.2f"), p.processStartToCaughtUpSeconds().format("%.2f"), p.readModelCheck(), noisy(p.noisy()));
            }
            out.println("  every projection, each replayed alone (the others keep their tokens):");
            out.printf("  %-9s %-26s %16s %8s %12s %18s  %s%n", "history", "projection", "replay events/s", "×scan", "replay s",
                    "load 1-min", "read model");
            for (Results.Step s : r.steps) {
                for (Results.ProjectionReplay p : s.replay().projections()) {
                    out.printf(Locale.ROOT, "  %-9s %-26s %16s %8s %12s %18s  %s%s%n", human(s.storedEvents()), p.processor(),
                            p.eventsPerSecond().format("%.0f"), p.ratioToRawScan() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", p.ratioToRawScan()),
                            p.replaySeconds().format("%.2f"), p.load(), p.readModelCheck(), noisy(p.noisy()));
                }
                for (String n : s.replay().notReplayed()) {
                    out.println("  not replayed at " + human(s.storedEvents()) + ": " + n);
                }
            }
            for (Results.Step s : r.steps) {
                if (s.afterPreload() != null) {
                    out.printf(Locale.ROOT, "  first start after the preload to %s: ready %.2f s, every processor (policies included) through"
                            + " the new history %.2f s; %,d of the %,d events are the rectification context's%n", human(s.storedEvents()),
                            s.afterPreload().readySeconds(), s.afterPreload().allProjectionsCaughtUpSeconds(), s.rectificationEvents(),
                            s.storedEvents());
                }
            }

            out.println();
            out.println("Figure 5 — memory and disk");
            out.printf("  %-9s %10s %12s %12s %13s %15s %16s %12s%n", "history", "RSS idle", "RSS steady", "live heap",
                    "RSS after GC", "RSS peak replay", "heap mid-replay", "bytes/event");
            for (Results.Step s : r.steps) {
                Results.Memory m = s.memory();
                out.printf(Locale.ROOT, "  %-9s %10s %12s %12s %13s %15s %16s %12.0f%s%n", human(s.storedEvents()), mb(m.rssIdleBytes()),
                        mb(m.rssSteadyBytes()), mb(m.liveHeapBytes()), mb(m.rssAfterGcBytes()), mb(s.replay().peakRssBytes()),
                        mb(s.replay().heapUsedMidReplayBytes()), m.bytesPerEvent(), noisy(m.noisy()));
            }

            out.println();
            out.println("Figure 6 — start-up");
            if (r.emptyDatabaseReadySeconds != null) {
                out.printf(Locale.ROOT, "  empty external database (Flyway migrations included): ready in %.2f s%n", r.emptyDatabaseReadySeconds);
            }
            for (Results.Step s : r.steps) {
                out.printf(Locale.ROOT, "  restart with %-6s events: ready %.2f s, all projections caught up %.2f s; load %s%s%n",
                        human(s.storedEvents()), s.restart().readySeconds(), s.restart().allProjectionsCaughtUpSeconds(),
                        s.restart().load(), noisy(s.restart().noisy()));
            }
        }
        if (r.embeddedColdStartSeconds != null) {
            out.printf("  embedded PostgreSQL, fresh data directory (the README command without its build): ready in %s s (RSS %s),"
                            + " seed notice visible after %s s; load %s%s%n",
                    r.embeddedColdStartSeconds.format("%.2f"), mb(r.embeddedColdStartRssBytes == null ? -1 : r.embeddedColdStartRssBytes),
                    r.seedNoticeVisibleSeconds == null ? "n/a" : r.seedNoticeVisibleSeconds.format("%.2f"), r.coldStartLoad,
                    noisy(r.noisy));
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
        if (r.province != null) {
            Results.Province p = r.province;
            out.println();
            out.printf(Locale.ROOT, "Province step — %d rounds × %d units: %,d inspections, %,d problems, %,d events preloaded in %.1f s (%,d stored)%n",
                    p.rounds(), p.units(), p.inspections(), p.problems(), p.preloadedEvents(), p.preloadSeconds(), p.storedEvents());
            out.printf(Locale.ROOT, "  first start: ready %.1f s, every processor through the new history %.1f s (%.0f new events/s, all projections at once); load %s%n",
                    p.firstCatchUp().readySeconds(), p.firstCatchUp().allProjectionsCaughtUpSeconds(), p.firstCatchUpEventsPerSecond(),
                    p.firstCatchUp().load());
            out.printf("  %-30s %8s %8s %10s %10s %10s  %s%n", "read (1 client, admin)", "requests", "failed", "p50 ms", "p99 ms", "max ms", "load 1-min");
            for (Results.ReadLatency l : p.reads()) {
                out.printf(Locale.ROOT, "  %-30s %8d %8d %10.1f %10.1f %10.1f  %s%s%n", l.name(), l.requests(), l.failed(), l.p50Ms(),
                        l.p99Ms(), l.maxMs(), l.load(), noisy(l.noisy()));
            }
            out.printf("  %-30s %14s %10s%n", "replay, each projection alone", "events/s", "seconds");
            for (Results.ProjectionReplay pr : p.replay().projections()) {
                out.printf("  %-30s %14s %10s%n", pr.processor(), pr.eventsPerSecond().format("%.0f"), pr.replaySeconds().format("%.1f"));
            }
            out.printf(Locale.ROOT, "  every projection, one after the other: %.1f min%n", p.replayAllMinutes());
        }
        out.println();
        out.println("Targets (ratios within this run, goals of issue 14)");
        out.printf("  %-7s %-72s %-10s %s%n", "", "target", "goal", "measured");
        for (Results.Target t : r.targets) {
            out.printf("  %-7s %-72s %-10s %s%s%s%n", t.met() == null ? "measured" : t.met() ? "met" : "MISSED", t.name(), t.goal(),
                    t.actual(), noisy(t.noisy()), t.note() == null ? "" : " — " + t.note());
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

    private static String noisy(boolean noisy) {
        return noisy ? " (noisy)" : "";
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : (bytes >> 20) + " MB";
    }
}
