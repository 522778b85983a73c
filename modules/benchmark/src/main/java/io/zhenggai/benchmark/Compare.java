package io.zhenggai.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --compare a.json b.json}: a before/after table of two result files, figure by figure, each value as median
 * ±half-spread, the change in percent, and whether the two runs' ranges (min..max) overlap ("within spread": the
 * difference is not shown by these runs). Meant for one lever at a time: the same harness, the same machine, back to
 * back, two labels ({@code --label}).
 */
final class Compare {
    private Compare() {
    }

    static int print(Path a, Path b, PrintStream out) {
        JsonNode ra;
        JsonNode rb;
        try {
            ObjectMapper json = new ObjectMapper();
            ra = json.readTree(a.toFile());
            rb = json.readTree(b.toFile());
        } catch (Exception e) {
            System.err.println("cannot read the result files: " + e.getMessage());
            return 2;
        }
        out.printf("before: %s (%s), load at start %s%s%n", name(ra, a), ra.path("run").path("startedAt").asText("?"),
                ra.path("machine").path("loadAverageAtStart").asText("?"), ra.path("noisy").asBoolean() ? " NOISY" : "");
        out.printf("after:  %s (%s), load at start %s%s%n", name(rb, b), rb.path("run").path("startedAt").asText("?"),
                rb.path("machine").path("loadAverageAtStart").asText("?"), rb.path("noisy").asBoolean() ? " NOISY" : "");
        out.println("JVM flags: " + flags(ra) + " → " + flags(rb));
        out.println("values: median ±half the spread; change = after/before - 1; \"within spread\": the two runs' min..max overlap");

        section(out, "Figure 1 — JDBC one row per transaction, rows/s");
        table(out, rows(ra.path("limit").path("oneRowPerTransaction"), x -> clients(x.path("clients").asInt()), "rowsPerSecond"),
                rows(rb.path("limit").path("oneRowPerTransaction"), x -> clients(x.path("clients").asInt()), "rowsPerSecond"), true);

        for (String[] f : new String[][]{{"eventsPerSecond", "events/s", "true"}, {"p50Ms", "p50 ms", "false"}, {"p99Ms", "p99 ms", "false"}}) {
            section(out, "Figures 2 and 4 — commands, " + f[1]);
            table(out, commands(ra, f[0]), commands(rb, f[0]), Boolean.parseBoolean(f[2]));
        }
        section(out, "Figure 3 — replay events/s (each projection alone; \"(figure 3)\" = inspection-projection, as in earlier runs)");
        table(out, replays(ra), replays(rb), true);
        section(out, "Figure 5 — RSS at steady state, MB");
        table(out, steps(ra, s -> s.path("memory").path("rssSteadyBytes").asDouble(-1) / (1 << 20)),
                steps(rb, s -> s.path("memory").path("rssSteadyBytes").asDouble(-1) / (1 << 20)), false);
        section(out, "Figure 6 — restart to ready, s");
        table(out, steps(ra, s -> s.path("restart").path("readySeconds").asDouble(Double.NaN)),
                steps(rb, s -> s.path("restart").path("readySeconds").asDouble(Double.NaN)), false);
        Map<String, JsonNode> coldA = new LinkedHashMap<>();
        Map<String, JsonNode> coldB = new LinkedHashMap<>();
        coldA.put("embedded cold start to ready", ra.path("embeddedColdStartSeconds"));
        coldB.put("embedded cold start to ready", rb.path("embeddedColdStartSeconds"));
        coldA.put("README command to seed notice", ra.path("seedNoticeVisibleSeconds"));
        coldB.put("README command to seed notice", rb.path("seedNoticeVisibleSeconds"));
        table(out, coldA, coldB, false);

        section(out, "Targets");
        Map<String, String> ta = targets(ra);
        Map<String, String> tb = targets(rb);
        for (String name : union(ta, tb)) {
            out.printf("  %-72s %-44s → %s%n", name, ta.getOrDefault(name, "—"), tb.getOrDefault(name, "—"));
        }
        return 0;
    }

    private static String clients(int n) {
        return n + (n == 1 ? " client" : " clients");
    }

    private static String flags(JsonNode r) {
        JsonNode f = r.path("appJvmArgs").isArray() ? r.path("appJvmArgs") : r.path("machine").path("appJvmArgs");
        return f.toString();
    }

    private static String name(JsonNode r, Path file) {
        String label = r.path("label").asText("");
        return (label.isEmpty() || label.equals("null") ? "(no label)" : label) + " " + file;
    }

    private static void section(PrintStream out, String title) {
        out.println();
        out.println(title);
    }

    private static Map<String, JsonNode> rows(JsonNode array, Function<JsonNode, String> key, String field) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode x : array) {
            m.put(key.apply(x), x.path(field));
        }
        return m;
    }

    private static Map<String, JsonNode> commands(JsonNode r, String field) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode s : r.path("steps")) {
            for (JsonNode c : s.path("commands")) {
                m.put(Report.human(s.path("targetEvents").asLong()) + " / " + clients(c.path("clients").asInt()), c.path(field));
            }
        }
        return m;
    }

    private static Map<String, JsonNode> replays(JsonNode r) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode s : r.path("steps")) {
            String h = Report.human(s.path("targetEvents").asLong());
            m.put(h + " (figure 3)", s.path("replay").path("replayEventsPerSecond"));
            for (JsonNode p : s.path("replay").path("projections")) {
                m.put(h + " " + p.path("processor").asText(), p.path("eventsPerSecond"));
            }
            m.put(h + " raw scan rows/s", s.path("replay").path("rawScanRowsPerSecond"));
        }
        return m;
    }

    private static Map<String, JsonNode> steps(JsonNode r, Function<JsonNode, Double> value) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode s : r.path("steps")) {
            double v = value.apply(s);
            m.put(Report.human(s.path("targetEvents").asLong()), json.createObjectNode().put("median", v).put("min", v).put("max", v).put("n", 1));
        }
        return m;
    }

    private static Map<String, String> targets(JsonNode r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode t : r.path("targets")) {
            JsonNode met = t.path("met");
            m.put(t.path("name").asText(), (met.isNull() || met.isMissingNode() ? "" : met.asBoolean() ? "met " : "MISSED ")
                    + t.path("actual").asText());
        }
        return m;
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static void table(PrintStream out, Map<String, JsonNode> a, Map<String, JsonNode> b, boolean higherIsBetter) {
        out.printf("  %-44s %18s %18s %9s  %s%n", "", "before", "after", "change", "");
        for (String key : union(a, b)) {
            JsonNode x = a.get(key);
            JsonNode y = b.get(key);
            String change = "";
            String verdict = "";
            if (present(x) && present(y)) {
                double mx = x.path("median").asDouble();
                double my = y.path("median").asDouble();
                change = mx == 0 ? "" : String.format(Locale.ROOT, "%+.0f%%", (my / mx - 1) * 100);
                boolean overlap = y.path("min").asDouble(my) <= x.path("max").asDouble(mx) && x.path("min").asDouble(mx) <= y.path("max").asDouble(my);
                boolean spread = x.path("n").asInt() > 1 && y.path("n").asInt() > 1;
                verdict = !spread ? ((my > mx) == higherIsBetter ? "better?" : "worse?") + " (one run: no spread to judge)"
                        : overlap ? "within spread" : (my > mx) == higherIsBetter ? "better" : "worse";
            }
            out.printf("  %-44s %18s %18s %9s  %s%n", key, format(x), format(y), change, verdict);
        }
    }

    private static boolean present(JsonNode s) {
        return s != null && s.path("n").asInt(0) > 0 && s.path("median").isNumber() && !Double.isNaN(s.path("median").asDouble());
    }

    private static String format(JsonNode s) {
        if (!present(s)) {
            return "—";
        }
        double m = s.path("median").asDouble();
        String v = Math.abs(m) >= 100 ? String.format(Locale.ROOT, "%.0f", m) : String.format(Locale.ROOT, "%.2f", m);
        if (s.path("n").asInt() < 2 || m == 0) {
            return v;
        }
        double half = (s.path("max").asDouble() - s.path("min").asDouble()) / m * 50;
        return v + String.format(Locale.ROOT, " ±%.0f%%", half);
    }
}
