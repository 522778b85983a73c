package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A case file of a round (轮次) for the round ITs: round {@code <id>-round}, one unit per id, each the synthetic case
 * {@code cases/every-status.json} under its own ids (7 findings each served by one item in every status, a regulation,
 * two meetings, accountability, two money outcomes).
 */
final class RoundCase {
    static final ObjectMapper JSON = new ObjectMapper();

    private RoundCase() {
    }

    /** The synthetic case under fresh ids, as a single-inspection case file of its own round {@code <id>-round}. */
    static ObjectNode everyStatusCase(String id) {
        try (InputStream in = RoundCase.class.getClassLoader().getResourceAsStream("cases/every-status.json")) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ID@", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file for round {@code <id>-round} with one unit per id in {@code units}. */
    static ObjectNode round(String id, List<String> units) {
        ObjectNode file = everyStatusCase(id);
        for (String field : List.of("inspection", "categories", "leadershipGroup", "plan", "meetings", "accountability",
                "money", "regulations")) {
            file.remove(field);
        }
        ArrayNode inspections = file.putArray("inspections");
        for (String unitId : units) {
            ObjectNode unit = everyStatusCase(unitId);
            for (String field : List.of("caseId", "description", "synthetic", "round")) {
                unit.remove(field);
            }
            inspections.add(unit);
        }
        return file;
    }

    static ObjectNode metric(String metricId, String kind, String meetingKind, int count) {
        ObjectNode m = JSON.createObjectNode().put("metricId", metricId).put("kind", kind).put("count", count)
                .put("date", "2024-01-10");
        if (meetingKind != null) {
            m.put("meetingKind", meetingKind);
        }
        return m;
    }

    static void metrics(JsonNode unit, ObjectNode... metrics) {
        ArrayNode list = ((ObjectNode) unit).putArray("processMetrics");
        for (ObjectNode m : metrics) {
            list.add(m);
        }
    }
}
