package io.zhenggai.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventsTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final AuditEvents events = new AuditEvents(json);

    private JsonNode payload(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void businessDateIsTheDateField() throws Exception {
        assertThat(AuditEvents.businessDate(payload("{\"inspectionId\":\"i\",\"date\":\"2025-01-02\"}")))
                .isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    void feedbackDateIsABusinessDateButPlannedDatesAreNot() throws Exception {
        assertThat(AuditEvents.businessDate(payload(
                "{\"plannedFieldworkStart\":\"2025-01-01\",\"fieldworkStart\":\"2025-01-03\",\"feedbackDate\":\"2025-03-01\"}")))
                .isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(AuditEvents.businessDate(payload("{\"plannedFieldworkStart\":\"2025-01-01\",\"periodStart\":\"2025-01-01\"}")))
                .isNull();
    }

    @Test
    void preferredNamesWinOverOtherDateFields() throws Exception {
        assertThat(AuditEvents.businessDate(payload("{\"completedOn\":\"2025-05-01\",\"businessDate\":\"2025-04-01\"}")))
                .isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void aFieldEndingInOnCountsWhenItHoldsADate() throws Exception {
        assertThat(AuditEvents.businessDate(payload("{\"dependsOn\":\"x\",\"completedOn\":\"2025-05-01\"}")))
                .isEqualTo(LocalDate.of(2025, 5, 1));
    }

    @Test
    void readsWhoAndWhyFromTheMetadata() {
        StoredEvent stored = new StoredEvent(7, "e7", "Inspection", "i1", 3,
                "io.zhenggai.api.inspection.InspectionEvents$FieldworkStartedEvent", null, "2025-01-02T03:04:05.678Z",
                "{\"inspectionId\":\"i1\",\"date\":\"2025-01-02\"}".getBytes(StandardCharsets.UTF_8),
                "{\"userId\":\"inspector\",\"correlationId\":\"c1\",\"causationId\":\"c1\",\"commandName\":\"StartFieldworkCommand\"}"
                        .getBytes(StandardCharsets.UTF_8));
        AuditEvent e = events.of(stored);
        assertThat(e.type()).isEqualTo("FieldworkStartedEvent");
        assertThat(e.userId()).isEqualTo("inspector");
        assertThat(e.correlationId()).isEqualTo("c1");
        assertThat(e.commandName()).isEqualTo("StartFieldworkCommand");
        assertThat(e.recordedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
        assertThat(e.businessDate()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(e.payload().get("inspectionId").asText()).isEqualTo("i1");
    }
}
