package io.zhenggai.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The machine's load average ({@code /proc/loadavg}) through the run: sampled every second in the background, so that
 * every figure carries the 1-minute load at its start, the highest during it and the one at its end. The harness's
 * own clients and the app add to it (64 clients on 2 cores raise it by design): the load at the start of the run is
 * the one that tells whether someone else was using the machine.
 */
final class LoadMonitor implements AutoCloseable {

    /** A figure's load: 1-minute load average at its start, the highest sampled during it, at its end; the raw lines. */
    record Load(double start, double maxDuring, double end, String startLine, String endLine) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.2f→%.2f (max %.2f)", start, end, maxDuring);
        }
    }

    /** An open figure: call {@link #end()} when it is done. */
    final class Window {
        private final double start = oneMinute();
        private final String startLine = line();
        private volatile double max = start;

        private Window() {
            open.add(this);
        }

        Load end() {
            open.remove(this);
            double end = oneMinute();
            return new Load(start, Math.max(max, end), end, startLine, line());
        }
    }

    private final List<Window> open = new CopyOnWriteArrayList<>();
    private final Thread sampler;

    LoadMonitor() {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                double now = oneMinute();
                for (Window w : open) {
                    if (now > w.max) {
                        w.max = now;
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-average");
        sampler.setDaemon(true);
        sampler.start();
    }

    Window begin() {
        return new Window();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }

    /** The raw line of /proc/loadavg ("0.21 0.28 0.14 3/155 5140"), "unknown" when not on Linux. */
    static String line() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The 1-minute load average, NaN when unknown. */
    static double oneMinute() {
        try {
            return Double.parseDouble(line().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
