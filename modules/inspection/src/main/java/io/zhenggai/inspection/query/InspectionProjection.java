package io.zhenggai.inspection.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.inspection.query.InspectionBatch.FindingRow;
import io.zhenggai.inspection.query.InspectionBatch.InspectionRow;
import io.zhenggai.platform.readside.PerBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the inspection read model (tables {@code inspection_*}). Every write is idempotent: a row remembers
 * the sequence number of the last event applied, and an event at or below it is skipped, so a redelivered
 * event or a replay never applies twice. The rows a batch of events changes are folded in memory and written once
 * per batch ({@link InspectionBatch}); each handler computes what it writes before it changes the batch, so a
 * handler that throws leaves nothing behind.
 */
@Component
@ProcessingGroup(InspectionProjection.GROUP)
public class InspectionProjection {

    /** The processing group of the inspection read model (what commands wait for, see ReadYourWrites). */
    public static final String GROUP = "inspection-projection";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PerBatch<InspectionBatch> batch;

    InspectionProjection(JdbcTemplate jdbc, ObjectMapper json,
                         @Value("${zhenggai.perf.batched-writes:true}") boolean batchedWrites) {
        this.jdbc = jdbc;
        this.json = json;
        this.batch = new PerBatch<>(InspectionBatch.class.getName(), () -> new InspectionBatch(jdbc),
                InspectionBatch::write, batchedWrites);
    }

    @EventHandler
    void on(RoundCreatedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
        Object[] row = {e.roundId(), e.name(), e.organizer(), e.periodStart(), e.periodEnd(), Timestamp.from(at)};
        batch.apply(b -> b.round(row));
    }

    @EventHandler
    void on(InspectionScheduledEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        String legalBasis = toJson(e.legalBasis());
        String kind = e.kind().name();
        String form = e.form() == null ? null : e.form().name();
        String level = e.level() == null ? null : e.level().name();
        batch.apply(b -> {
            InspectionRow r = b.schedule(e.inspectionId(), seq, at);
            if (r == null) {
                return;
            }
            r.roundId = e.roundId();
            r.inspectingBody = e.inspectingBody();
            r.inspectedUnit = e.inspectedUnit();
            r.mandate = e.mandate();
            r.legalBasis = legalBasis;
            r.plannedStart = e.plannedFieldworkStart();
            r.plannedEnd = e.plannedFieldworkEnd();
            r.status = "SCHEDULED";
            r.createdAt = at;
            r.kind = kind;
            r.form = form;
            r.level = level;
        });
    }

    @EventHandler
    void on(InspectionJoinedRoundEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        advance(e.inspectionId(), seq, at, r -> {
            r.roundSet = true;
            r.roundId = e.roundId();
        });
    }

    @EventHandler
    void on(FieldworkStartedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        advance(e.inspectionId(), seq, at, r -> {
            r.fieldworkStartSet = true;
            r.fieldworkStart = e.date();
            r.status = "FIELDWORK";
        });
    }

    @EventHandler
    void on(FieldworkConcludedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        advance(e.inspectionId(), seq, at, r -> {
            r.fieldworkEndSet = true;
            r.fieldworkEnd = e.date();
            r.status = "FIELDWORK_CONCLUDED";
        });
    }

    @EventHandler
    void on(FindingCategoryAddedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        Object[] row = {e.inspectionId(), e.categoryId(), e.ordinal(), e.title()};
        batch.apply(b -> {
            if (b.advance(e.inspectionId(), seq, at) != null) {
                b.category(row);
            }
        });
    }

    @EventHandler
    void on(FindingRecordedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        String manifestations = toJson(e.manifestations());
        batch.apply(b -> {
            if (b.advance(e.inspectionId(), seq, at) != null) {
                FindingRow f = b.recordFinding(e.inspectionId(), e.findingId(), e.categoryId(), e.ordinal());
                f.title = e.title();
                f.description = e.description();
                f.manifestations = manifestations;
            }
        });
    }

    @EventHandler
    void on(FindingAmendedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        String manifestations = toJson(e.manifestations());
        batch.apply(b -> {
            if (b.advance(e.inspectionId(), seq, at) != null) {
                b.finding(e.inspectionId(), e.findingId()).text(e.title(), e.description(), manifestations, false);
            }
        });
    }

    @EventHandler
    void on(FindingWithdrawnEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        batch.apply(b -> {
            if (b.advance(e.inspectionId(), seq, at) != null) {
                FindingRow f = b.finding(e.inspectionId(), e.findingId());
                f.withdrawn = true;
                f.withdrawalReason = e.reason();
            }
        });
    }

    @EventHandler
    void on(FeedbackDeliveredEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        advance(e.inspectionId(), seq, at, r -> {
            r.feedbackDateSet = true;
            r.feedbackDate = e.feedbackDate();
            r.status = "FEEDBACK_DELIVERED";
        });
    }

    @EventHandler
    void on(FindingCorrectedEvent e, @SequenceNumber long seq, @org.axonframework.eventhandling.Timestamp Instant at) {
        String manifestations = toJson(e.manifestations());
        batch.apply(b -> {
            if (b.advance(e.inspectionId(), seq, at) != null) {
                b.finding(e.inspectionId(), e.findingId()).text(e.title(), e.description(), manifestations, true);
            }
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from inspection_finding");
        jdbc.update("delete from inspection_category");
        jdbc.update("delete from inspection");
        jdbc.update("delete from inspection_round");
    }

    /** Moves the inspection's version to {@code seq} and applies {@code change}, unless that event was applied already. */
    private void advance(String inspectionId, long seq, Instant at, Consumer<InspectionRow> change) {
        batch.apply(b -> {
            InspectionRow r = b.advance(inspectionId, seq, at);
            if (r != null) {
                change.accept(r);
            }
        });
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
