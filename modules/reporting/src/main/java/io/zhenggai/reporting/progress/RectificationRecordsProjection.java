package io.zhenggai.reporting.progress;

import io.zhenggai.api.rectification.RectificationEvents.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What a rectification records besides its items: meetings, accountability outcomes and process metrics
 * ({@code progress_meeting}, {@code progress_accountability}, {@code progress_process_metric}).
 */
@Component
@ProcessingGroup(ProgressProjection.GROUP)
class RectificationRecordsProjection {

    static final List<String> TABLES = List.of("progress_process_metric", "progress_accountability", "progress_meeting");

    private final JdbcClient jdbc;
    private final ProgressRows rows;

    RectificationRecordsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new ProgressRows(jdbc);
    }

    @EventHandler
    void on(MeetingRecordedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            insert into progress_meeting (rectification_id, meeting_id, kind, meeting_date, title, claims)
                            values (:rect, :id, :kind, :d, :title, :claims) on conflict do nothing""")
                    .param("rect", e.rectificationId()).param("id", e.meetingId()).param("kind", e.kind().name())
                    .param("d", e.date()).param("title", e.title()).param("claims", ProgressRows.nullSafe(e.claims()).size())
                    .update();
        }
    }

    @EventHandler
    void on(AccountabilityRecordedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            insert into progress_accountability
                                (rectification_id, outcome_id, kind, outcome_date, persons, persons_not_counted)
                            values (:rect, :id, :kind, :d, :n, :uncounted) on conflict do nothing""")
                    .param("rect", e.rectificationId()).param("id", e.outcomeId()).param("kind", e.kind().name())
                    .param("d", e.date()).param("n", e.personsNotCounted() ? 0 : e.count())
                    .param("uncounted", e.personsNotCounted())
                    .update();
        }
    }

    @EventHandler
    void on(ProcessMetricRecordedEvent e, @SequenceNumber long seq) {
        if (rows.advance(e.rectificationId(), seq)) {
            jdbc.sql("""
                            insert into progress_process_metric (rectification_id, metric_id, kind, meeting_kind, count, metric_date)
                            values (:rect, :id, :kind, :meeting, :n, :d) on conflict do nothing""")
                    .param("rect", e.rectificationId()).param("id", e.metricId()).param("kind", e.kind().name())
                    .param("meeting", e.meetingKind() == null ? null : e.meetingKind().name()).param("n", e.count())
                    .param("d", e.date())
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }
}
