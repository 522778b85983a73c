package io.zhenggai.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built jar ({@code target/zhenggai.jar}, there in the integration-test phase) run as a process of its own, with
 * the README's small-heap flags, on a port of its own: what the fault and cluster tests start, kill and restart.
 */
public final class AppProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A port nobody listens on now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the jar on {@code port} with the README's JVM flags plus {@code jvmFlags}, {@code args} (Spring Boot
     * command-line properties) and its output in {@code target/<logName>.log}; does not wait for it (see
     * {@link #awaitHealthy}).
     */
    public static AppProcess start(String logName, int port, List<String> jvmFlags, List<String> args) {
        Path jar = Path.of("target", "zhenggai.jar").toAbsolutePath();
        assertThat(jar).as("the packaged app (the integration-test phase runs after package)").exists();
        Path log = Path.of("target", logName + ".log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k",
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        try {
            return new AppProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                    port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health} answers UP; fails at once if the process ended. */
    public AppProcess awaitHealthy(Duration atMost) {
        ApiClient probe = new ApiClient(port);
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreException(UncheckedIOException.class).until(() -> {
            assertThat(process.isAlive()).as("the app is running (see %s)", log).isTrue();
            ApiClient.Response r = probe.get("/actuator/health");
            return r.status() == 200 && r.text().contains("UP");
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, no graceful stop, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process died").isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    }

    /** SIGTERM: Spring's graceful shutdown (the processors store and release their tokens); SIGKILL if it hangs. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }
}
