package io.zhenggai.benchmark.history;

import java.util.function.Consumer;

/**
 * Produces realistic stored history, event by event, for the growth figures: rows that the app can load into
 * aggregates and replay into projections exactly as if it had written them itself.
 */
public interface HistorySource {

    /** A short name for reports. */
    String name();

    /** Produces the next {@code count} events in global order, continuing where the previous call stopped. */
    void generate(long count, Consumer<EventRow> sink);
}
