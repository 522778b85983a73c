package io.zhenggai.inspection.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.inspection.InspectionEvents.*;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * TEST ONLY: the inspection projection as it was before it folded its batches (one statement or two per event),
 * kept as the reference the batched one must agree with ({@code InspectionProjectionBatchTest}).
 *
 * Builds the inspection read model (tables {@code inspection_*}). Every write is idempotent: a row remembers
 * the sequence number of the last event applied, and an event at or below it is skipped, so a redelivered
 * event or a replay never applies twice.
 */
public class PerEventInspectionProjection {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PerEventInspectionProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(RoundCreatedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        insert into inspection_round (round_id, name, organizer, period_start, period_end, created_at)
                        values (:id, :name, :organizer, :start, :end, :at) on conflict (round_id) do nothing""")
                .param("id", e.roundId()).param("name", e.name()).param("organizer", e.organizer())
                .param("start", e.periodStart()).param("end", e.periodEnd()).param("at", Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(InspectionScheduledEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        insert into inspection (inspection_id, round_id, inspecting_body, inspected_unit, mandate, legal_basis,
                            planned_start, planned_end, status, version, created_at, updated_at, kind, form, level)
                        values (:id, :round, :body, :unit, :mandate, cast(:legal as jsonb), :ps, :pe, 'SCHEDULED', :seq, :at, :at,
                            :kind, :form, :level)
                        on conflict (inspection_id) do nothing""")
                .param("id", e.inspectionId()).param("round", e.roundId()).param("body", e.inspectingBody())
                .param("unit", e.inspectedUnit()).param("mandate", e.mandate()).param("legal", toJson(e.legalBasis()))
                .param("ps", e.plannedFieldworkStart()).param("pe", e.plannedFieldworkEnd()).param("seq", seq)
                .param("at", Timestamp.from(at)).param("kind", e.kind().name())
                .param("form", e.form() == null ? null : e.form().name())
                .param("level", e.level() == null ? null : e.level().name())
                .update();
    }

    @EventHandler
    void on(InspectionJoinedRoundEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            jdbc.sql("update inspection set round_id = :round where inspection_id = :id")
                    .param("round", e.roundId()).param("id", e.inspectionId()).update();
        }
    }

    @EventHandler
    void on(FieldworkStartedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            jdbc.sql("update inspection set fieldwork_start = :d, status = 'FIELDWORK' where inspection_id = :id")
                    .param("d", e.date()).param("id", e.inspectionId()).update();
        }
    }

    @EventHandler
    void on(FieldworkConcludedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            jdbc.sql("update inspection set fieldwork_end = :d, status = 'FIELDWORK_CONCLUDED' where inspection_id = :id")
                    .param("d", e.date()).param("id", e.inspectionId()).update();
        }
    }

    @EventHandler
    void on(FindingCategoryAddedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            jdbc.sql("""
                            insert into inspection_category (inspection_id, category_id, ordinal, title)
                            values (:id, :cid, :ord, :title)""")
                    .param("id", e.inspectionId()).param("cid", e.categoryId()).param("ord", e.ordinal())
                    .param("title", e.title()).update();
        }
    }

    @EventHandler
    void on(FindingRecordedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            jdbc.sql("""
                            insert into inspection_finding (inspection_id, finding_id, category_id, ordinal, title, description, manifestations)
                            values (:id, :fid, :cid, :ord, :title, :desc, cast(:man as jsonb))""")
                    .param("id", e.inspectionId()).param("fid", e.findingId()).param("cid", e.categoryId())
                    .param("ord", e.ordinal()).param("title", e.title()).param("desc", e.description())
                    .param("man", toJson(e.manifestations())).update();
        }
    }

    @EventHandler
    void on(FindingAmendedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            updateFindingText(e.inspectionId(), e.findingId(), e.title(), e.description(), e.manifestations(), false);
        }
    }

    @EventHandler
    void on(FindingWithdrawnEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            jdbc.sql("update inspection_finding set withdrawn = true, withdrawal_reason = :r where inspection_id = :id and finding_id = :fid")
                    .param("r", e.reason()).param("id", e.inspectionId()).param("fid", e.findingId()).update();
        }
    }

    @EventHandler
    void on(FeedbackDeliveredEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            jdbc.sql("update inspection set feedback_date = :d, status = 'FEEDBACK_DELIVERED' where inspection_id = :id")
                    .param("d", e.feedbackDate()).param("id", e.inspectionId()).update();
        }
    }

    @EventHandler
    void on(FindingCorrectedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(e.inspectionId(), seq, at)) {
            updateFindingText(e.inspectionId(), e.findingId(), e.title(), e.description(), e.manifestations(), true);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from inspection_finding").update();
        jdbc.sql("delete from inspection_category").update();
        jdbc.sql("delete from inspection").update();
        jdbc.sql("delete from inspection_round").update();
    }

    private void updateFindingText(String inspectionId, String findingId, String title, String description,
                                   List<String> manifestations, boolean correction) {
        jdbc.sql("""
                        update inspection_finding set title = :title, description = :desc, manifestations = cast(:man as jsonb),
                            corrections = corrections + :inc where inspection_id = :id and finding_id = :fid""")
                .param("title", title).param("desc", description).param("man", toJson(manifestations))
                .param("inc", correction ? 1 : 0).param("id", inspectionId).param("fid", findingId).update();
    }

    /** Moves the inspection's version to {@code seq}; false when that event was applied already. */
    private boolean advance(String inspectionId, long seq, Instant at) {
        return jdbc.sql("update inspection set version = :seq, updated_at = :at where inspection_id = :id and version < :seq")
                .param("seq", seq).param("at", Timestamp.from(at)).param("id", inspectionId).update() == 1;
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
