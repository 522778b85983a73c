package io.zhenggai.inspection.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the inspection read model that one batch of events changes, folded in memory and written once when the
 * batch commits ({@link io.zhenggai.platform.readside.PerBatch}, ADR 0036): per inspection one row (inserted, or
 * updated once with the version of its last event in the batch), per finding one insert or one update, the rounds and
 * categories as batched inserts. The first event of an inspection in the batch reads its version; events at or below
 * it are skipped, as the per-event {@code advance} did.
 */
final class InspectionBatch {

    private final JdbcTemplate jdbc;
    private final Map<String, InspectionRow> inspections = new LinkedHashMap<>();
    private final List<Object[]> rounds = new ArrayList<>();
    private final List<Object[]> categories = new ArrayList<>();
    private final Map<String, FindingRow> findings = new LinkedHashMap<>();

    InspectionBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void round(Object[] row) {
        rounds.add(row);
    }

    /** A new inspection row, unless the inspection exists already (its scheduling was applied before). */
    InspectionRow schedule(String inspectionId, long seq, Instant at) {
        InspectionRow row = row(inspectionId);
        if (row.version >= 0) {
            return null;
        }
        row.version = seq;
        row.updatedAt = at;
        row.insert = true;
        row.changed = true;
        return row;
    }

    /** The inspection's row moved to {@code seq}; null when it does not exist or that event was applied already. */
    InspectionRow advance(String inspectionId, long seq, Instant at) {
        InspectionRow row = row(inspectionId);
        if (row.version < 0 || row.version >= seq) {
            return null;
        }
        row.version = seq;
        row.updatedAt = at;
        row.changed = true;
        return row;
    }

    void category(Object[] row) {
        categories.add(row);
    }

    /** A new finding row (written with the changes that follow it in the batch). */
    FindingRow recordFinding(String inspectionId, String findingId, String categoryId, int ordinal) {
        FindingRow f = new FindingRow(inspectionId, findingId);
        f.insert = true;
        f.categoryId = categoryId;
        f.ordinal = ordinal;
        findings.put(key(inspectionId, findingId), f);
        return f;
    }

    /** The finding's pending change (of a row recorded in this batch or earlier). */
    FindingRow finding(String inspectionId, String findingId) {
        return findings.computeIfAbsent(key(inspectionId, findingId), k -> new FindingRow(inspectionId, findingId));
    }

    private InspectionRow row(String inspectionId) {
        return inspections.computeIfAbsent(inspectionId, id -> {
            List<Long> version = jdbc.queryForList("select version from inspection where inspection_id = ? for update",
                    Long.class, id);
            return new InspectionRow(id, version.isEmpty() ? -1 : version.get(0));
        });
    }

    private static final int V = Types.VARCHAR;
    private static final int D = Types.DATE;
    private static final int T = Types.TIMESTAMP;
    private static final int L = Types.BIGINT;
    private static final int I = Types.INTEGER;
    private static final int B = Types.BOOLEAN;

    /** Explicit parameter types: no driver round trip to learn the type of a null. */
    private static int[] types(int... types) {
        return types;
    }

    private static String key(String inspectionId, String findingId) {
        return inspectionId + '\u0000' + findingId;
    }

    /** Writes the batch: rounds, new inspections, changed inspections, categories, new findings, changed findings. */
    void write() {
        if (!rounds.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into inspection_round (round_id, name, organizer, period_start, period_end, created_at)
                    values (?, ?, ?, ?, ?, ?) on conflict (round_id) do nothing""", rounds, types(V, V, V, D, D, T));
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (InspectionRow r : inspections.values()) {
            if (r.insert) {
                inserts.add(new Object[]{r.id, r.roundId, r.inspectingBody, r.inspectedUnit, r.mandate, r.legalBasis,
                        r.plannedStart, r.plannedEnd, r.fieldworkStart, r.fieldworkEnd, r.feedbackDate, r.status,
                        r.version, Timestamp.from(r.createdAt), Timestamp.from(r.updatedAt), r.kind, r.form, r.level});
            } else if (r.changed) {
                updates.add(new Object[]{r.version, Timestamp.from(r.updatedAt), r.roundSet, r.roundId,
                        r.fieldworkStartSet, r.fieldworkStart, r.fieldworkEndSet, r.fieldworkEnd,
                        r.feedbackDateSet, r.feedbackDate, r.status, r.id});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into inspection (inspection_id, round_id, inspecting_body, inspected_unit, mandate, legal_basis,
                        planned_start, planned_end, fieldwork_start, fieldwork_end, feedback_date, status, version,
                        created_at, updated_at, kind, form, level)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (inspection_id) do nothing""", inserts,
                    types(V, V, V, V, V, V, D, D, D, D, D, V, L, T, T, V, V, V));
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    update inspection set version = ?, updated_at = ?,
                        round_id = case when ? then ? else round_id end,
                        fieldwork_start = case when ? then cast(? as date) else fieldwork_start end,
                        fieldwork_end = case when ? then cast(? as date) else fieldwork_end end,
                        feedback_date = case when ? then cast(? as date) else feedback_date end,
                        status = coalesce(?, status)
                    where inspection_id = ?""", updates, types(L, T, B, V, B, D, B, D, B, D, V, V));
        }
        if (!categories.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into inspection_category (inspection_id, category_id, ordinal, title) values (?, ?, ?, ?)
                    on conflict (inspection_id, category_id) do nothing""", categories, types(V, V, I, V));
        }
        List<Object[]> newFindings = new ArrayList<>();
        List<Object[]> changedFindings = new ArrayList<>();
        for (FindingRow f : findings.values()) {
            if (f.insert) {
                newFindings.add(new Object[]{f.inspectionId, f.findingId, f.categoryId, f.ordinal, f.title, f.description,
                        f.manifestations, f.withdrawn, f.withdrawalReason, f.corrections});
            } else {
                changedFindings.add(new Object[]{f.textSet, f.title, f.textSet, f.description, f.textSet, f.manifestations,
                        f.corrections, f.withdrawn, f.withdrawn, f.withdrawalReason, f.inspectionId, f.findingId});
            }
        }
        if (!newFindings.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into inspection_finding (inspection_id, finding_id, category_id, ordinal, title, description,
                        manifestations, withdrawn, withdrawal_reason, corrections)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                    on conflict (inspection_id, finding_id) do nothing""", newFindings,
                    types(V, V, V, I, V, V, V, B, V, I));
        }
        if (!changedFindings.isEmpty()) {
            jdbc.batchUpdate("""
                    update inspection_finding set
                        title = case when ? then ? else title end,
                        description = case when ? then ? else description end,
                        manifestations = case when ? then cast(? as jsonb) else manifestations end,
                        corrections = corrections + ?,
                        withdrawn = withdrawn or ?,
                        withdrawal_reason = case when ? then ? else withdrawal_reason end
                    where inspection_id = ? and finding_id = ?""", changedFindings,
                    types(B, V, B, V, B, V, I, B, B, V, V, V));
        }
    }

    /** One inspection in the batch: its version, and either all values of a new row or the columns changed. */
    static final class InspectionRow {
        final String id;
        long version;
        Instant updatedAt;
        boolean insert;
        boolean changed;
        // a new row's values
        String inspectingBody;
        String inspectedUnit;
        String mandate;
        String legalBasis;
        LocalDate plannedStart;
        LocalDate plannedEnd;
        Instant createdAt;
        String kind;
        String form;
        String level;
        // changed columns (for a new row: its values)
        boolean roundSet;
        String roundId;
        boolean fieldworkStartSet;
        LocalDate fieldworkStart;
        boolean fieldworkEndSet;
        LocalDate fieldworkEnd;
        boolean feedbackDateSet;
        LocalDate feedbackDate;
        String status;

        InspectionRow(String id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    /** One finding in the batch: a new row, or the change of an existing one. */
    static final class FindingRow {
        final String inspectionId;
        final String findingId;
        boolean insert;
        String categoryId;
        int ordinal;
        boolean textSet;
        String title;
        String description;
        String manifestations = "[]";
        int corrections;
        boolean withdrawn;
        String withdrawalReason;

        FindingRow(String inspectionId, String findingId) {
            this.inspectionId = inspectionId;
            this.findingId = findingId;
        }

        void text(String title, String description, String manifestations, boolean correction) {
            this.textSet = true;
            this.title = title;
            this.description = description;
            this.manifestations = manifestations;
            if (correction) {
                corrections++;
            }
        }
    }
}
