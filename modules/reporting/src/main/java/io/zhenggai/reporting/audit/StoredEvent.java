package io.zhenggai.reporting.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One row of {@code domain_event_entry} exactly as stored: the bytes are the record, nothing is re-serialised.
 *
 * @param position        the global index (the event's position in the global order)
 * @param aggregateType   the aggregate type ({@code type} column), null for events not published by an aggregate
 * @param timeStamp       the recording time exactly as stored (ISO-8601 text)
 * @param payload         the serialized payload (Jackson JSON, UTF-8)
 * @param metaData        the serialized metadata (Jackson JSON, UTF-8), may be null
 */
public record StoredEvent(
        long position,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {

    /** The columns read by {@link #read(ResultSet)}, qualified by the alias {@code e}. */
    public static final String COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, "
            + "e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    public static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getString("time_stamp"), rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    public Instant recordedAt() {
        return Instant.parse(timeStamp);
    }

    /** The payload type's simple name: {@code io.x.InspectionEvents$FieldworkStartedEvent} gives {@code FieldworkStartedEvent}. */
    public String simpleType() {
        return simpleName(payloadType);
    }

    public static String simpleName(String typeName) {
        int cut = Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$'));
        return typeName.substring(cut + 1);
    }
}
