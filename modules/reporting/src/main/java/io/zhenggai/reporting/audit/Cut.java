package io.zhenggai.reporting.audit;

import java.time.Instant;

/**
 * A point in the history: everything recorded at or before {@code asOf}, and/or at or before global
 * {@code position}. Both null means "now" (the whole history).
 */
public record Cut(Long position, Instant asOf) {

    public static final Cut NOW = new Cut(null, null);

    public static Cut atPosition(long position) {
        return new Cut(position, null);
    }

    public static Cut asOf(Instant instant) {
        return new Cut(null, instant);
    }
}
