package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic point-in-time fold of one aggregate: the state starts as the first event's payload fields and every
 * later payload's top-level fields overwrite the earlier values (a field absent from a later event keeps its
 * value). It knows nothing of any context; a context-specific view ("the rectification ledger as of …") folds the
 * same events with its own {@link HistoryFolder}.
 */
public final class AggregateStateFolder implements HistoryFolder<AggregateStateFolder.State> {

    /** One event applied to the state. */
    public record Applied(long position, long sequenceNumber, String type, Instant recordedAt, LocalDate businessDate,
                          String userId) {
    }

    public static final class State {
        private final ObjectNode fields = JsonNodeFactory.instance.objectNode();
        private final List<Applied> applied = new ArrayList<>();
        private String aggregateType;
        private long version = -1;

        public ObjectNode fields() {
            return fields;
        }

        public List<Applied> applied() {
            return applied;
        }

        public String aggregateType() {
            return aggregateType;
        }

        /** The sequence number of the last event applied (the aggregate's version), -1 before the first. */
        public long version() {
            return version;
        }
    }

    @Override
    public State initial() {
        return new State();
    }

    @Override
    public State fold(State state, AuditEvent event) {
        JsonNode payload = event.payload();
        if (payload != null && payload.isObject()) {
            state.fields.setAll((ObjectNode) payload.deepCopy());
        }
        state.applied.add(new Applied(event.position(), event.sequenceNumber(), event.type(), event.recordedAt(),
                event.businessDate(), event.userId()));
        if (event.aggregateType() != null) {
            state.aggregateType = event.aggregateType();
        }
        state.version = event.sequenceNumber();
        return state;
    }
}
