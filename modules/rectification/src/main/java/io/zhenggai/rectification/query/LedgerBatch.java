package io.zhenggai.rectification.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.platform.readside.PerBatch;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ledger documents that one batch of events changes, folded in memory and written once when the batch commits
 * ({@link PerBatch}, ADR 0036): the first event of a rectification in the batch reads its row ({@code for update}), every event of the
 * batch changes the document in memory, and the unit of work's prepare-commit writes each changed document with one
 * batched statement, in the transaction that also stores the token. Without a unit of work (or with
 * {@code zhenggai.perf.batched-writes=false}) each event is written at once, as a batch of one.
 *
 * <p>A handler that throws must leave no trace, as its savepoint does for SQL (the dead-letter queue parks the event
 * and the rest of its sequence): the document is rebuilt from what was read (or opened) plus the changes that
 * succeeded before, then the failure goes on to the dead-letter queue.
 */
final class LedgerBatch implements LedgerWrites {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PerBatch<Map<String, Entry>> pending;

    LedgerBatch(JdbcTemplate jdbc, ObjectMapper json, boolean batched) {
        this.jdbc = jdbc;
        this.json = json;
        this.pending = new PerBatch<>(LedgerBatch.class.getName(), LinkedHashMap::new, this::flush, batched);
    }

    /** Opens a ledger unless its row exists already (a redelivered or replayed opening changes nothing). */
    @Override
    public void open(String rectificationId, String inspectionId, String inspectedUnit, LocalDate feedbackDate, long seq,
              Instant at, LedgerDocument doc) {
        run(entries -> {
            Entry entry = entries.computeIfAbsent(rectificationId, this::load);
            if (entry.exists()) {
                return;
            }
            entry.doc = doc;
            entry.base = write(doc);
            entry.version = seq;
            entry.updatedAt = at;
            entry.insert = new Insert(inspectionId, inspectedUnit, feedbackDate, at);
            entry.changed = true;
        });
    }

    /** Applies {@code change} to the ledger unless the event at {@code seq} was applied already. */
    @Override
    public void update(String rectificationId, long seq, Instant at, Consumer<LedgerDocument> change) {
        run(entries -> {
            Entry entry = entries.computeIfAbsent(rectificationId, this::load);
            if (!entry.exists() || entry.version >= seq) {
                return;
            }
            try {
                change.accept(entry.doc());
            } catch (RuntimeException | Error e) {
                entry.rebuild();
                throw e;
            }
            entry.applied.add(change);
            entry.version = seq;
            entry.updatedAt = at;
            entry.changed = true;
        });
    }

    private void run(Consumer<Map<String, Entry>> step) {
        pending.apply(step);
    }

    private Entry load(String rectificationId) {
        List<Entry> rows = jdbc.query("select version, document from rectification_ledger where rectification_id = ? for update",
                (rs, n) -> new Entry(rectificationId, rs.getLong("version"), rs.getString("document")), rectificationId);
        return rows.isEmpty() ? new Entry(rectificationId, -1, null) : rows.get(0);
    }

    private void flush(Map<String, Entry> entries) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!e.changed) {
                continue;
            }
            String document = write(e.doc());
            if (e.insert != null) {
                inserts.add(new Object[]{e.id, e.insert.inspectionId, e.insert.inspectedUnit, e.insert.feedbackDate,
                        e.version, document, Timestamp.from(e.insert.openedAt), Timestamp.from(e.updatedAt)});
            } else {
                updates.add(new Object[]{document, e.version, Timestamp.from(e.updatedAt), e.id});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into rectification_ledger (rectification_id, inspection_id, inspected_unit, feedback_date, version,
                        document, opened_at, updated_at)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                    on conflict (rectification_id) do nothing""", inserts,
                    new int[]{Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.BIGINT, Types.VARCHAR,
                            Types.TIMESTAMP, Types.TIMESTAMP});
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    update rectification_ledger set document = cast(? as jsonb), version = ?, updated_at = ?
                    where rectification_id = ?""", updates,
                    new int[]{Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP, Types.VARCHAR});
        }
    }

    private LedgerDocument read(String document) {
        try {
            return json.readValue(document, LedgerDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger document", e);
        }
    }

    private String write(LedgerDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Insert(String inspectionId, String inspectedUnit, LocalDate feedbackDate, Instant openedAt) {
    }

    /** One rectification in the batch: the document as read (or opened) and the changes applied to it since. */
    private final class Entry {
        final String id;
        /** The document as read or opened, JSON; null while no row exists. */
        String base;
        LedgerDocument doc;
        long version;
        Instant updatedAt;
        Insert insert;
        boolean changed;
        final List<Consumer<LedgerDocument>> applied = new ArrayList<>();

        Entry(String id, long version, String base) {
            this.id = id;
            this.version = version;
            this.base = base;
        }

        boolean exists() {
            return base != null;
        }

        LedgerDocument doc() {
            if (doc == null) {
                doc = read(base);
            }
            return doc;
        }

        /** Back to the document as read or opened, with the changes that succeeded. */
        void rebuild() {
            doc = read(base);
            applied.forEach(c -> c.accept(doc));
        }
    }
}
