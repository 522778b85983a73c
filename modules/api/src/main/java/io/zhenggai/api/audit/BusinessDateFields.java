package io.zhenggai.api.audit;

import java.util.List;

/**
 * The payload field names that carry an event's business date (the date the fact happened), in order of
 * precedence. The full convention is described in the {@linkplain io.zhenggai.api.audit package documentation}.
 */
public final class BusinessDateFields {
    private BusinessDateFields() {
    }

    /** Preferred names, checked first. */
    public static final List<String> PREFERRED = List.of("businessDate", "occurredOn", "date");

    /** Established names of existing events, checked after {@link #PREFERRED}. */
    public static final List<String> NAMED = List.of("feedbackDate");

    /** Any other top-level field whose name ends with this suffix (e.g. {@code completedOn}) also counts. */
    public static final String SUFFIX = "On";
}
