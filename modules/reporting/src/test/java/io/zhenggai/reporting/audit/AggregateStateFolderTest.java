package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateStateFolderTest {

    private final ObjectMapper json = new ObjectMapper();

    private AuditEvent event(long position, long seq, String type, String payload) throws Exception {
        return new AuditEvent(position, "e" + position, "Inspection", "i1", seq, type, "x." + type, null,
                json.readTree(payload), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(position), null, "inspector",
                "c", "c", null, null, null);
    }

    @Test
    void laterPayloadsOverwriteEarlierFieldsAndKeepTheOthers() throws Exception {
        AggregateStateFolder folder = new AggregateStateFolder();
        var state = folder.initial();
        state = folder.fold(state, event(3, 0, "InspectionScheduledEvent", "{\"inspectionId\":\"i1\",\"inspectedUnit\":\"U\"}"));
        state = folder.fold(state, event(9, 1, "FieldworkStartedEvent", "{\"inspectionId\":\"i1\",\"date\":\"2025-01-02\"}"));
        assertThat(state.fields().get("inspectedUnit").asText()).isEqualTo("U");
        assertThat(state.fields().get("date").asText()).isEqualTo("2025-01-02");
        assertThat(state.version()).isEqualTo(1);
        assertThat(state.aggregateType()).isEqualTo("Inspection");
        assertThat(state.applied()).extracting(AggregateStateFolder.Applied::position).containsExactly(3L, 9L);
    }
}
