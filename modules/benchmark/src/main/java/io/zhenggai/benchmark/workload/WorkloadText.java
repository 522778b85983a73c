package io.zhenggai.benchmark.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the workloads say the same way: a step's name in the report, a request body as JSON. */
final class WorkloadText {
    private WorkloadText() {
    }

    /** {@code RECORD_FINDING} → {@code RecordFinding}: how a plan step is named in the command counts. */
    static String camel(Enum<?> kind) {
        StringBuilder sb = new StringBuilder();
        for (String part : kind.name().toLowerCase().split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    static String json(ObjectMapper json, Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
