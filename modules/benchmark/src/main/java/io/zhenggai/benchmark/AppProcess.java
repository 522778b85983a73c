package io.zhenggai.benchmark;

import io.zhenggai.benchmark.workload.HttpApi;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app under test as a child process ({@code java -jar zhenggai.jar}), started exactly as an operator would:
 * environment variables only. Its output goes to a log file next to the results.
 */
final class AppProcess implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    final int port;
    final Path logFile;
    final Path jfrFile;
    final long startedNanos;
    private final Process process;
    final HttpApi api;

    private AppProcess(Process process, int port, Path logFile, Path jfrFile, long startedNanos) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.jfrFile = jfrFile;
        this.startedNanos = startedNanos;
        this.api = new HttpApi(URI.create("http://127.0.0.1:" + port), 8, "demo");
    }

    /**
     * Starts the app. {@code env} is added to this process's environment (e.g. ZHENGGAI_DB_URL); a null value removes
     * a variable. With {@code jfrFile} the app records itself with JDK Flight Recorder (profile settings).
     */
    static AppProcess start(Path jar, Map<String, String> env, List<String> jvmArgs, Path logFile, Path jfrFile) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (mvn -q -DskipTests package)");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmArgs.contains("-XX:+ExitOnOutOfMemoryError")) {
            cmd.add("-XX:+ExitOnOutOfMemoryError"); // as in production: a JVM out of memory ends instead of limping on
        }
        cmd.addAll(jvmArgs);
        if (jfrFile != null) {
            cmd.add("-XX:StartFlightRecording=filename=" + jfrFile.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        Files.createDirectories(logFile.getParent());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        return new AppProcess(p, port, logFile, jfrFile, t0);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** True when /actuator/health answers UP. */
    boolean healthy() {
        HttpApi.Response r = api.getAnonymous("/actuator/health", Duration.ofSeconds(2));
        return r.status() == 200 && r.body().contains("\"UP\"");
    }

    /** Waits until the app is ready and returns the seconds since its process started. */
    double awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw died("while starting");
            }
            if (healthy()) {
                return secondsSinceStart();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the app was not ready within " + timeout + "; see " + logFile + ":\n" + tail(40));
    }

    /** The exception to throw when the app is found dead, with its exit code and the end of its log. */
    AppDiedException died(String when) {
        return new AppDiedException("the app exited " + when + " with code " + (process.isAlive() ? "?" : process.exitValue())
                + "; last lines of " + logFile + ":\n" + tail(25));
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Resident set size in bytes (VmRSS of /proc/pid/status), -1 when unknown. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Java heap in use in bytes from {@code jcmd GC.heap_info}, after a full GC (live data) when {@code gcFirst}. */
    long heapUsedBytes(boolean gcFirst) {
        if (gcFirst) {
            jcmd("GC.run");
        }
        String info = jcmd("GC.heap_info");
        long used = 0;
        boolean found = false;
        for (String line : info.split("\n")) {
            String l = line.trim();
            if (l.startsWith("Metaspace") || l.startsWith("class space") || !l.contains("total")) {
                continue;
            }
            Matcher m = USED.matcher(l);
            if (m.find()) {
                used += Long.parseLong(m.group(1)) * 1024;
                found = true;
            }
        }
        return found ? used : -1;
    }

    private String jcmd(String what) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid()), what).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Stops the app as an operator would (SIGTERM, graceful shutdown), forcibly after 60 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
