package io.zhenggai.reporting.audit;

/**
 * A projection-like fold of events into a state, for views "as of" a point in the history: the same handlers a
 * projection would run, but over an in-memory state instead of tables, stopped at a {@link Cut}.
 * {@link HistoricalReplay#replay} feeds it every selected event in global order.
 *
 * <p>Example, a rectification ledger as of a past position (the folder decodes the payloads it cares about):
 * <pre>{@code
 * HistoryFolder<Ledger> ledger = HistoryFolder.of(Ledger::new, (l, e) -> switch (e.type()) {
 *     case "FeedbackDeliveredEvent" -> l.open(json.treeToValue(e.payload(), FeedbackDeliveredEvent.class));
 *     case "RectificationCompletedEvent" -> l.complete(json.treeToValue(e.payload(), RectificationCompletedEvent.class));
 *     default -> l;
 * });
 * Ledger asOf = replay.replay(EventFilter.ofAggregate(inspectionId), Cut.atPosition(1234), ledger).state();
 * }</pre>
 *
 * @param <S> the state; {@link #fold} may mutate it and return it, or return a new one
 */
public interface HistoryFolder<S> {

    /** The state before the first event. */
    S initial();

    /** The state after {@code event}. */
    S fold(S state, AuditEvent event);

    static <S> HistoryFolder<S> of(java.util.function.Supplier<S> initial, java.util.function.BiFunction<S, AuditEvent, S> fold) {
        return new HistoryFolder<>() {
            @Override
            public S initial() {
                return initial.get();
            }

            @Override
            public S fold(S state, AuditEvent event) {
                return fold.apply(state, event);
            }
        };
    }
}
