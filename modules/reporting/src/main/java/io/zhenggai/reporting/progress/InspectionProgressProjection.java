package io.zhenggai.reporting.progress;

import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.api.rectification.RectificationEvents.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The inspections of the progress read model: rounds, inspections with their dates and status, categories and
 * findings ({@code progress_round}, {@code progress_inspection}, {@code progress_category}, {@code progress_finding}),
 * from the inspection's events and the rectification's opening, findings taken over or added, and office name.
 * It also clears the shared {@code progress_stream} on a reset. Rows shared by an inspection and its rectification
 * are upserted, so the order in which the two streams arrive does not matter.
 */
@Component
@ProcessingGroup(ProgressProjection.GROUP)
class InspectionProgressProjection {

    static final List<String> TABLES = List.of("progress_round", "progress_finding", "progress_category", "progress_inspection", "progress_stream");

    private final JdbcClient jdbc;
    private final ProgressRows rows;

    InspectionProgressProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new ProgressRows(jdbc);
    }

    @EventHandler
    void on(RoundCreatedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.roundId(), seq)) {
            jdbc.sql("""
                            insert into progress_round (round_id, name, organizer, period_start, period_end)
                            values (:id, :name, :org, :start, :end) on conflict do nothing""")
                    .param("id", e.roundId()).param("name", e.name()).param("org", e.organizer())
                    .param("start", e.periodStart()).param("end", e.periodEnd())
                    .update();
        }
    }

    @EventHandler
    void on(InspectionScheduledEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (rows.advance(e.inspectionId(), seq)) {
            jdbc.sql("""
                            insert into progress_inspection (inspection_id, round_id, inspecting_body, inspected_unit, status,
                                created_at, updated_at, kind, form, level)
                            values (:id, :round, :body, :unit, 'SCHEDULED', :at, :at, :kind, :form, :level)
                            on conflict (inspection_id) do update set round_id = excluded.round_id,
                                inspecting_body = excluded.inspecting_body, inspected_unit = excluded.inspected_unit,
                                kind = excluded.kind, form = excluded.form, level = excluded.level,
                                created_at = least(progress_inspection.created_at, excluded.created_at)""")
                    .param("id", e.inspectionId()).param("round", e.roundId()).param("body", e.inspectingBody())
                    .param("unit", e.inspectedUnit()).param("at", ProgressRows.ts(at)).param("kind", e.kind().name())
                    .param("form", e.form() == null ? null : e.form().name())
                    .param("level", e.level() == null ? null : e.level().name())
                    .update();
        }
    }

    @EventHandler
    void on(InspectionJoinedRoundEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (rows.advance(e.inspectionId(), seq)) {
            rows.updateInspection(e.inspectionId(), at, "round_id = :v", e.roundId());
        }
    }

    @EventHandler
    void on(FieldworkStartedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (rows.advance(e.inspectionId(), seq)) {
            rows.updateInspection(e.inspectionId(), at, "fieldwork_start = :v, status = 'FIELDWORK'", e.date());
        }
    }

    @EventHandler
    void on(FieldworkConcludedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (rows.advance(e.inspectionId(), seq)) {
            rows.updateInspection(e.inspectionId(), at, "fieldwork_end = :v, status = 'FIELDWORK_CONCLUDED'", e.date());
        }
    }

    @EventHandler
    void on(FindingCategoryAddedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.inspectionId(), seq)) {
            rows.category(e.inspectionId(), e.categoryId(), e.ordinal(), e.title());
        }
    }

    @EventHandler
    void on(FindingRecordedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.inspectionId(), seq)) {
            rows.finding(e.inspectionId(), e.findingId(), e.categoryId(), e.ordinal(), e.title());
        }
    }

    @EventHandler
    void on(FindingAmendedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.inspectionId(), seq)) {
            jdbc.sql("update progress_finding set title = :t where inspection_id = :i and finding_id = :f")
                    .param("t", e.title()).param("i", e.inspectionId()).param("f", e.findingId()).update();
        }
    }

    @EventHandler
    void on(FindingWithdrawnEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.inspectionId(), seq)) {
            jdbc.sql("update progress_finding set withdrawn = true where inspection_id = :i and finding_id = :f")
                    .param("i", e.inspectionId()).param("f", e.findingId()).update();
        }
    }

    @EventHandler
    void on(FeedbackDeliveredEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!rows.advance(e.inspectionId(), seq)) {
            return;
        }
        jdbc.sql("""
                        insert into progress_inspection (inspection_id, round_id, inspecting_body, inspected_unit, status,
                            fieldwork_start, fieldwork_end, feedback_date, created_at, updated_at, kind)
                        values (:id, :round, :body, :unit, 'FEEDBACK_DELIVERED', :fs, :fe, :fd, :at, :at, :kind)
                        on conflict (inspection_id) do update set status = 'FEEDBACK_DELIVERED', feedback_date = excluded.feedback_date,
                            kind = excluded.kind,
                            fieldwork_start = excluded.fieldwork_start, fieldwork_end = excluded.fieldwork_end,
                            updated_at = excluded.updated_at""")
                .param("id", e.inspectionId()).param("round", e.roundId()).param("body", e.inspectingBody())
                .param("unit", e.inspectedUnit()).param("fs", e.fieldworkStart()).param("fe", e.fieldworkEnd())
                .param("fd", e.feedbackDate()).param("at", ProgressRows.ts(at)).param("kind", e.kind().name())
                .update();
        for (DeliveredCategory c : ProgressRows.nullSafe(e.categories())) {
            rows.category(e.inspectionId(), c.categoryId(), c.ordinal(), c.title());
            for (DeliveredFinding f : ProgressRows.nullSafe(c.findings())) {
                rows.finding(e.inspectionId(), f.findingId(), c.categoryId(), f.ordinal(), f.title());
            }
        }
    }

    @EventHandler
    void on(FindingCorrectedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.inspectionId(), seq)) {
            rows.correctFinding(e.inspectionId(), e.findingId(), e.categoryId(), e.title());
        }
    }

    // ---------------------------------------------------------------- rectification

    @EventHandler
    void on(RectificationOpenedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!rows.advance(e.rectificationId(), seq)) {
            return;
        }
        jdbc.sql("""
                        insert into progress_inspection (inspection_id, round_id, inspecting_body, inspected_unit, status,
                            fieldwork_start, fieldwork_end, feedback_date, rectification_id, created_at, updated_at, kind)
                        values (:id, :round, :body, :unit, 'FEEDBACK_DELIVERED', :fs, :fe, :fd, :rect, :at, :at, :kind)
                        on conflict (inspection_id) do update set rectification_id = excluded.rectification_id,
                            feedback_date = coalesce(progress_inspection.feedback_date, excluded.feedback_date),
                            updated_at = greatest(progress_inspection.updated_at, excluded.updated_at)""")
                .param("id", e.inspectionId()).param("round", e.roundId()).param("body", e.inspectingBody())
                .param("unit", e.inspectedUnit()).param("fs", e.fieldworkStart()).param("fe", e.fieldworkEnd())
                .param("fd", e.feedbackDate()).param("rect", e.rectificationId()).param("at", ProgressRows.ts(at))
                .param("kind", e.kind().name())
                .update();
        for (LedgerCategory c : ProgressRows.nullSafe(e.categories())) {
            rows.category(e.inspectionId(), c.categoryId(), c.ordinal(), c.title());
            for (LedgerFinding f : ProgressRows.nullSafe(c.findings())) {
                rows.finding(e.inspectionId(), f.findingId(), c.categoryId(), f.ordinal(), f.title());
            }
        }
    }

    @EventHandler
    void on(FindingCorrectionTakenOverEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            rows.correctFinding(ProgressRows.inspectionOf(e.rectificationId()), e.findingId(), e.categoryId(), e.title());
        }
    }

    /** A supplementary finding (补充问题) counts like the delivered ones, in its category (opened by it when new). */
    @EventHandler
    void on(SupplementaryFindingRecordedEvent e, @SequenceNumber long seq) {
        if (!rows.advance(e.rectificationId(), seq)) {
            return;
        }
        String inspectionId = ProgressRows.inspectionOf(e.rectificationId());
        if (e.newCategory()) {
            rows.category(inspectionId, e.categoryId(), e.categoryOrdinal(), e.categoryTitle());
        }
        jdbc.sql("""
                        insert into progress_finding (inspection_id, finding_id, category_id, ordinal, title, source)
                        values (:i, :f, :c, :o, :t, :s) on conflict (inspection_id, finding_id) do nothing""")
                .param("i", inspectionId).param("f", e.findingId()).param("c", e.categoryId()).param("o", e.ordinal())
                .param("t", e.title()).param("s", e.source() == null ? null : e.source().name())
                .update();
    }

    @EventHandler
    void on(OfficeNamedEvent e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (rows.advance(e.rectificationId(), seq)) {
            rows.updateInspection(ProgressRows.inspectionOf(e.rectificationId()), at, "office_name = :v", e.name());
        }
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }
}
