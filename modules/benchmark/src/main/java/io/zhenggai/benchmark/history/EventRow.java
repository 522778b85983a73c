package io.zhenggai.benchmark.history;

/** One row of {@code domain_event_entry} as Axon's JDBC event store writes it (global_index is assigned by the sequence). */
public record EventRow(
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        byte[] payload,
        byte[] metaData) {

    public EventRow withIdentity(String eventIdentifier, String aggregateIdentifier, long sequenceNumber) {
        return new EventRow(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payload, metaData);
    }
}
