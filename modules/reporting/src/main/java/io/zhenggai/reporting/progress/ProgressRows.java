package io.zhenggai.reporting.progress;

import io.zhenggai.api.rectification.RectificationIds;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The writes the progress projections share. Every write is idempotent: {@code progress_stream} remembers per
 * aggregate the sequence number of the last event applied, and an event at or below it is skipped, so a
 * redelivered event or a replay never applies twice. Each event type is handled by exactly one of the progress
 * projections, so each event advances its aggregate's stream once.
 */
final class ProgressRows {

    private final JdbcClient jdbc;

    ProgressRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the aggregate's last applied sequence number to {@code seq}; false when that event was applied already. */
    boolean advance(String aggregateId, long seq) {
        return jdbc.sql("""
                        insert into progress_stream (aggregate_id, seq) values (:id, :seq)
                        on conflict (aggregate_id) do update set seq = excluded.seq where progress_stream.seq < excluded.seq""")
                .param("id", aggregateId).param("seq", seq).update() == 1;
    }

    void updateInspection(String inspectionId, Instant at, String assignment, Object value) {
        jdbc.sql("update progress_inspection set " + assignment + ", updated_at = greatest(updated_at, :at) where inspection_id = :id")
                .param("v", value).param("at", ts(at)).param("id", inspectionId).update();
    }

    void updateItem(String rectificationId, String itemId, String assignment, Object value) {
        var sql = jdbc.sql("update progress_item set " + assignment + " where rectification_id = :rect and item_id = :item")
                .param("rect", rectificationId).param("item", itemId);
        if (assignment.contains(":v")) {
            sql = sql.param("v", value);
        }
        sql.update();
    }

    void category(String inspectionId, String categoryId, int ordinal, String title) {
        jdbc.sql("""
                        insert into progress_category (inspection_id, category_id, ordinal, title) values (:i, :c, :o, :t)
                        on conflict (inspection_id, category_id) do update set ordinal = excluded.ordinal, title = excluded.title""")
                .param("i", inspectionId).param("c", categoryId).param("o", ordinal).param("t", title).update();
    }

    void finding(String inspectionId, String findingId, String categoryId, int ordinal, String title) {
        jdbc.sql("""
                        insert into progress_finding (inspection_id, finding_id, category_id, ordinal, title) values (:i, :f, :c, :o, :t)
                        on conflict (inspection_id, finding_id) do update set category_id = excluded.category_id,
                            ordinal = excluded.ordinal, title = excluded.title""")
                .param("i", inspectionId).param("f", findingId).param("c", categoryId).param("o", ordinal).param("t", title)
                .update();
    }

    void correctFinding(String inspectionId, String findingId, String categoryId, String title) {
        jdbc.sql("""
                        update progress_finding set title = coalesce(:t, title), category_id = coalesce(:c, category_id)
                        where inspection_id = :i and finding_id = :f""")
                .param("t", title).param("c", categoryId).param("i", inspectionId).param("f", findingId).update();
    }

    void transition(String rectificationId, long seq, String itemId, LocalDate date, boolean done) {
        jdbc.sql("""
                        insert into progress_item_transition (rectification_id, seq, item_id, business_date, done)
                        values (:rect, :seq, :item, :d, :done) on conflict do nothing""")
                .param("rect", rectificationId).param("seq", seq).param("item", itemId).param("d", date).param("done", done)
                .update();
    }

    static String inspectionOf(String rectificationId) {
        return RectificationIds.inspectionOf(rectificationId);
    }

    static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
