package io.zhenggai.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JDK Flight Recorder file of the app and tells where its CPU went: the hottest methods by self time (top
 * frame of {@code jdk.ExecutionSample}) and by total time (anywhere on the stack), plus the share of samples per
 * area (our code, Axon, JDBC driver, Jackson, Spring Security, Tomcat, ...). The same as
 * {@code jfr print --events jdk.ExecutionSample} and counting, without leaving the harness.
 */
final class Profiler {

    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("io.zhenggai.", "zhenggai");
        AREAS.put("org.axonframework.", "axon");
        AREAS.put("org.postgresql.", "pgjdbc");
        AREAS.put("com.zaxxer.hikari.", "hikari");
        AREAS.put("com.fasterxml.jackson.", "jackson");
        AREAS.put("org.springframework.security.", "spring-security");
        AREAS.put("org.springframework.", "spring");
        AREAS.put("org.apache.catalina.", "tomcat");
        AREAS.put("org.apache.coyote.", "tomcat");
        AREAS.put("org.apache.tomcat.", "tomcat");
        AREAS.put("org.hibernate.validator.", "validation");
        AREAS.put("ch.qos.logback.", "logging");
        AREAS.put("java.", "jdk");
        AREAS.put("jdk.", "jdk");
        AREAS.put("sun.", "jdk");
    }

    /** Summarises the samples taken between {@code from} and {@code to} (null: the whole recording). */
    static Map<String, Object> summarize(Path jfr, int top, java.time.Instant from, java.time.Instant to) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> areas = new HashMap<>();
        long samples = 0;
        if (!Files.exists(jfr)) {
            return Map.of("file", jfr.toString(), "error", "no recording (the app did not exit cleanly?)");
        }
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                        || (from != null && e.getStartTime().isBefore(from)) || (to != null && e.getStartTime().isAfter(to))) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = st.getFrames();
                self.merge(method(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                String area = null;
                for (RecordedFrame f : frames) {
                    String m = method(f);
                    if (seen.add(m)) {
                        total.merge(m, 1L, Long::sum);
                    }
                    if (area == null) {
                        String a = area(f.getMethod().getType().getName());
                        if (!a.equals("jdk") && !a.equals("other")) {
                            area = a; // the first non-JDK frame from the top: whose work this sample is
                        }
                    }
                }
                areas.merge(area == null ? "jdk" : area, 1L, Long::sum);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", jfr.toString());
        out.put("window", from == null ? "whole recording" : from + " .. " + to);
        out.put("samples", samples);
        out.put("byArea", percent(areas, samples, 20));
        out.put("hotSelf", percent(self, samples, top));
        out.put("hotTotal", percent(total, samples, top));
        return out;
    }

    private static Map<String, String> percent(Map<String, Long> counts, long samples, int top) {
        Map<String, String> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.put(e.getKey(), String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * e.getValue() / Math.max(1, samples))));
        return out;
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String area(String className) {
        for (Map.Entry<String, String> e : AREAS.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "other";
    }
}
