package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.zhenggai.api.audit.BusinessDateFields;
import io.zhenggai.api.audit.MetadataKeys;
import io.zhenggai.platform.events.StoredText;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns stored events into {@link AuditEvent}s: parses payload and metadata, finds the business date. A NUL or a
 * lone surrogate stored before the edge refused them is read as U+FFFD, as the event store's upcaster does
 * ({@link StoredText}); the stored bytes (exports' {@code payloadBase64}, the hash chain) stay as recorded.
 */
@Component
public class AuditEvents {

    private final ObjectMapper json;

    public AuditEvents(ObjectMapper json) {
        this.json = json;
    }

    public AuditEvent of(StoredEvent e) {
        JsonNode payload = parse(e.payload());
        JsonNode meta = parse(e.metaData());
        return new AuditEvent(e.position(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                e.sequenceNumber(), e.simpleType(), e.payloadType(), e.payloadRevision(), payload, e.recordedAt(),
                businessDate(payload), text(meta, MetadataKeys.USER), text(meta, MetadataKeys.CORRELATION_ID),
                text(meta, MetadataKeys.CAUSATION_ID), text(meta, MetadataKeys.COMMAND_NAME),
                text(meta, MetadataKeys.REQUEST_ID), meta);
    }

    /** The business date of a payload by the convention documented in {@code io.zhenggai.api.audit}; null if none. */
    public static LocalDate businessDate(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return null;
        }
        for (String name : BusinessDateFields.PREFERRED) {
            LocalDate d = date(payload.get(name));
            if (d != null) {
                return d;
            }
        }
        for (String name : BusinessDateFields.NAMED) {
            LocalDate d = date(payload.get(name));
            if (d != null) {
                return d;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().endsWith(BusinessDateFields.SUFFIX) && field.getKey().length() > BusinessDateFields.SUFFIX.length()) {
                LocalDate d = date(field.getValue());
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(StoredText.repairJson(bytes));
        } catch (IOException e) {
            // not JSON (another serializer): keep it readable rather than failing the whole history
            return json.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta == null ? null : meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
