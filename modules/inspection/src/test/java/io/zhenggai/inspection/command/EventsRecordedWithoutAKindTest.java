package io.zhenggai.inspection.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent;
import io.zhenggai.api.inspection.InspectionEvents.InspectionScheduledEvent;
import io.zhenggai.api.inspection.InspectionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads stored before the kind existed carry no {@code kind}: they are read as 巡察 (ADR 0017). */
class EventsRecordedWithoutAKindTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aScheduledInspectionWithoutAKindIsAXuncha() throws Exception {
        InspectionScheduledEvent e = json.readValue("""
                {"inspectionId":"i1","roundId":null,"inspectingBody":"区委第四巡察组","inspectedUnit":"区委统战部",
                 "mandate":"区委统一部署","legalBasis":[],"plannedFieldworkStart":"2023-06-08","plannedFieldworkEnd":"2023-07-28"}
                """, InspectionScheduledEvent.class);
        assertThat(e.kind()).isEqualTo(InspectionKind.XUNCHA);
        assertThat(e.form()).isNull();
        assertThat(e.level()).isNull();
    }

    @Test
    void aFeedbackWithoutAKindIsAXuncha() throws Exception {
        FeedbackDeliveredEvent e = json.readValue("""
                {"inspectionId":"i1","inspectingBody":"区委第四巡察组","inspectedUnit":"区委统战部","legalBasis":[],
                 "fieldworkStart":"2023-06-08","fieldworkEnd":"2023-07-28","feedbackDate":"2023-09-12","categories":[]}
                """, FeedbackDeliveredEvent.class);
        assertThat(e.kind()).isEqualTo(InspectionKind.XUNCHA);
    }

    @Test
    void aXunshiKeepsItsKind() throws Exception {
        InspectionScheduledEvent e = json.readValue("""
                {"inspectionId":"i1","inspectingBody":"省委第二巡视组","inspectedUnit":"某市委","legalBasis":[],
                 "plannedFieldworkStart":"2023-06-08","plannedFieldworkEnd":"2023-07-28","kind":"XUNSHI","form":"THEMATIC",
                 "level":"PROVINCIAL"}
                """, InspectionScheduledEvent.class);
        assertThat(e.kind()).isEqualTo(InspectionKind.XUNSHI);
        assertThat(e.form().label()).isEqualTo("专项");
        assertThat(e.level().label()).isEqualTo("省");
    }
}
