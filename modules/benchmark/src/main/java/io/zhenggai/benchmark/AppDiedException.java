package io.zhenggai.benchmark;

/**
 * The app exited while the harness was measuring it. On a shared machine that is usually someone else's
 * {@code pkill}: the step is repeated (see {@link BenchmarkMain}).
 */
final class AppDiedException extends IllegalStateException {
    AppDiedException(String message) {
        super(message);
    }
}
