package io.zhenggai.benchmark.history;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams event rows into a table shaped like {@code domain_event_entry} with PostgreSQL's binary COPY
 * ({@link PGConnection#getCopyAPI()}); the global index comes from the table's sequence, as for the app.
 */
public final class CopyWriter implements AutoCloseable {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int FLUSH_BYTES = 1 << 20;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 65536);
    private final DataOutputStream out = new DataOutputStream(buffer);
    private long rows;

    public CopyWriter(Connection connection, String table) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table
                + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                + " payload_revision, payload, meta_data) from stdin with (format binary)");
        buffer.writeBytes(HEADER);
    }

    public void write(EventRow row) {
        try {
            out.writeShort(9);
            text(row.eventIdentifier());
            text(row.aggregateIdentifier());
            out.writeInt(8);
            out.writeLong(row.sequenceNumber());
            text(row.type());
            text(row.timeStamp());
            text(row.payloadType());
            out.writeInt(-1); // payload_revision: null, as the app writes it
            bytes(row.payload());
            bytes(row.metaData());
            rows++;
            if (buffer.size() >= FLUSH_BYTES) {
                flush();
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("COPY failed after " + rows + " rows: " + e.getMessage(), e);
        }
    }

    public long rows() {
        return rows;
    }

    /** Ends the COPY; the rows are committed with the connection's transaction (autocommit: now). */
    @Override
    public void close() throws SQLException {
        try {
            out.writeShort(-1);
            flush();
            copy.endCopy();
        } catch (IOException e) {
            throw new SQLException(e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void text(String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void bytes(byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }
}
