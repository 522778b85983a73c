package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Streams the audit history to an HTTP response row by row, straight from a database cursor: memory stays
 * constant whatever the number of events. NDJSON lines carry the exact stored bytes (base64) and the chain link, so
 * that an export can be verified offline against a signed checkpoint (docs/operations/audit-verification.md).
 */
@Component
public class AuditExport {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private static final String[] CSV_HEADER = {"position", "event_id", "aggregate_type", "aggregate_id", "sequence_number",
            "type", "payload_type", "recorded_at", "business_date", "user_id", "correlation_id", "causation_id",
            "command_name", "request_id", "payload", "chain_hash"};

    private final EventStoreReader reader;
    private final AuditEvents events;
    private final ObjectMapper json;

    AuditExport(EventStoreReader reader, AuditEvents events, ObjectMapper json) {
        this.reader = reader;
        this.events = events;
        this.json = json;
    }

    /**
     * One JSON object per line: the fields of {@link AuditEvent} plus {@code timeStamp} (the recording time exactly
     * as stored), {@code payloadBase64}, {@code metaDataBase64} (the stored bytes) and the chain link
     * ({@code chainHash}, {@code chainPrevHash}; null while the event is not chained yet).
     */
    public void ndjson(EventFilter filter, long after, HttpServletResponse response, String filename) throws IOException {
        prepare(response, NDJSON + ";charset=UTF-8", filename);
        Writer out = writer(response);
        Base64.Encoder base64 = Base64.getEncoder();
        reader.stream(filter, after, read -> {
            StoredEvent stored = read.event();
            ObjectNode line = json.valueToTree(events.of(stored));
            line.put("timeStamp", stored.timeStamp());
            line.put("payloadBase64", base64.encodeToString(stored.payload()));
            line.put("metaDataBase64", stored.metaData() == null ? null : base64.encodeToString(stored.metaData()));
            line.put("chainHash", read.chainHash());
            line.put("chainPrevHash", read.chainPrevHash());
            out.write(json.writeValueAsString(line));
            out.write('\n');
        });
        out.flush();
    }

    /**
     * RFC 4180 CSV in UTF-8 with a byte-order mark (so that spreadsheet programs show Chinese correctly), written by
     * Commons CSV; cells that a spreadsheet would run as a formula are guarded ({@link CsvRows}).
     */
    public void csv(EventFilter filter, long after, HttpServletResponse response, String filename) throws IOException {
        prepare(response, CSV + ";charset=UTF-8", filename);
        Writer out = writer(response);
        out.write('\uFEFF');
        CSVPrinter rows = new CSVPrinter(out, CsvRows.FORMAT);
        CsvRows.print(rows, CSV_HEADER);
        reader.stream(filter, after, read -> {
            AuditEvent e = events.of(read.event());
            CsvRows.print(rows, String.valueOf(e.position()), e.eventId(), e.aggregateType(), e.aggregateId(),
                    String.valueOf(e.sequenceNumber()), e.type(), e.payloadType(), e.recordedAt().toString(),
                    e.businessDate() == null ? null : e.businessDate().toString(), e.userId(), e.correlationId(),
                    e.causationId(), e.commandName(), e.requestId(), json.writeValueAsString(e.payload()), read.chainHash());
        });
        rows.flush();
    }

    private static void prepare(HttpServletResponse response, String contentType, String filename) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    private static Writer writer(HttpServletResponse response) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
    }
}
