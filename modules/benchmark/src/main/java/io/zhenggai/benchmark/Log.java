package io.zhenggai.benchmark;

import java.time.Duration;
import java.util.Locale;

/** Progress lines on stderr with the elapsed time, so that stdout keeps only the results table. */
final class Log {
    private final long start = System.nanoTime();

    void info(String format, Object... args) {
        long s = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.err.printf(Locale.ROOT, "[%02d:%02d] %s%n", s / 60, s % 60, String.format(Locale.ROOT, format, args));
    }
}
