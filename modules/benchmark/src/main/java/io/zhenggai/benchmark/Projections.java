package io.zhenggai.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projections the benchmark replays, and where their streaming processors stand: {@code token_entry} holds
 * each processor's token as Jackson JSON ({@code GapAwareTrackingToken} {"index":n,"gaps":[..]}, or during a reset a
 * {@code ReplayToken} whose {@code currentToken} is the position).
 */
final class Projections {

    /**
     * A projection: its processor name, the tables its {@code @ResetHandler} clears (emptied before a replay), and how
     * its read model is checked against the events after a replay.
     */
    record Projection(String processor, List<String> tables, Check check) {
    }

    /** Compares a read model with the events it was built from: "OK: …" or "MISMATCH: …". */
    interface Check {
        String run(Database db) throws SQLException;
    }

    static final String INSPECTION = "io.zhenggai.api.inspection.InspectionEvents$";
    static final String RECTIFICATION = "io.zhenggai.api.rectification.RectificationEvents$";

    /**
     * The projections the harness can replay, with their tables as their {@code @ResetHandler}s clear them (policies and
     * sagas are never replayed: they would act again). {@code inspection-projection} first: it is the figure 3 of
     * every earlier run. A projection the app reports as resettable but missing here is listed as not replayed.
     */
    static final List<Projection> KNOWN = List.of(
            new Projection("inspection-projection", List.of("inspection_finding", "inspection_category", "inspection", "inspection_round"),
                    db -> compare(db, "inspections", "select count(*) from inspection", count(INSPECTION + "InspectionScheduledEvent"),
                            "findings", "select count(*) from inspection_finding", count(INSPECTION + "FindingRecordedEvent"))),
            new Projection("rectification-projection", List.of("rectification_ledger"),
                    db -> compare(db, "ledgers", "select count(*) from rectification_ledger", count(RECTIFICATION + "RectificationOpenedEvent"),
                            "events applied", "select coalesce(sum(version + 1), 0) from rectification_ledger",
                            "select count(*) from domain_event_entry where aggregate_identifier like 'rect-%'",
                            "items", "select coalesce(sum(jsonb_array_length(document -> 'items')), 0) from rectification_ledger",
                            count(RECTIFICATION + "ItemAddedEvent"))),
            new Projection("progress-projection", List.of("progress_process_metric", "progress_round", "progress_money_outcome",
                    "progress_regulation_link", "progress_regulation_version", "progress_regulation", "progress_accountability",
                    "progress_meeting", "progress_item_transition", "progress_item", "progress_finding", "progress_category",
                    "progress_inspection", "progress_stream"),
                    db -> compare(db, "items", "select count(*) from progress_item", count(RECTIFICATION + "ItemAddedEvent"),
                            "closed off", "select count(*) from progress_item where close_off = 'CLOSED_OFF'",
                            count(RECTIFICATION + "CloseOffApprovedEvent"),
                            "inspections", "select count(*) from progress_inspection", count(INSPECTION + "InspectionScheduledEvent"))),
            new Projection("finance-projection", List.of("finance_inspection_round", "finance_money_outcome", "finance_violation",
                    "finance_expense_recheck", "finance_expense", "finance_finding_ref", "finance_regulation_link",
                    "finance_regulation_version", "finance_regulation", "finance_rule_book"),
                    db -> compare(db, "inspections", "select count(*) from finance_inspection_round",
                            count(INSPECTION + "InspectionScheduledEvent"))),
            new Projection("publication-projection", List.of("publication_feedback", "publication_notice_revision", "publication_notice"),
                    db -> compare(db, "notices", "select count(*) from publication_notice",
                            count("io.zhenggai.api.publication.PublicationEvents$NoticeDraftCreatedEvent"))));

    static Projection known(String processor) {
        return KNOWN.stream().filter(p -> p.processor().equals(processor)).findFirst().orElse(null);
    }

    private static String count(String payloadType) {
        return "select count(*) from domain_event_entry where payload_type = '" + payloadType + "'";
    }

    /** Pairs of (name, read-model count, event-store count): OK when every pair is equal. */
    private static String compare(Database db, String... triples) throws SQLException {
        StringBuilder sb = new StringBuilder();
        boolean ok = true;
        for (int i = 0; i < triples.length; i += 3) {
            long model = db.scalar(triples[i + 1]);
            long events = db.scalar(triples[i + 2]);
            ok &= model == events;
            sb.append(sb.length() == 0 ? "" : ", ").append(model).append('/').append(events).append(' ').append(triples[i]);
        }
        return (ok ? "OK: " : "MISMATCH: ") + sb;
    }

    /** One processor's position: {@code index} -1 before its first event; {@code replaying} while a ReplayToken is stored. */
    record Position(String processor, long index, boolean replaying) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Positions of all processors (segments merged: the lowest index of any segment). */
    static Map<String, Position> positions(Connection c) throws SQLException {
        Map<String, Position> result = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select processor_name, token, token_type from token_entry order by processor_name, segment")) {
            while (rs.next()) {
                String name = rs.getString(1);
                Position p = parse(name, rs.getBytes(2), rs.getString(3));
                result.merge(name, p, (a, b) -> new Position(name, Math.min(a.index(), b.index()), a.replaying() || b.replaying()));
            }
        }
        return result;
    }

    static Position parse(String processor, byte[] token, String type) {
        if (token == null) {
            return new Position(processor, -1, false);
        }
        try {
            JsonNode node = JSON.readTree(new String(token, StandardCharsets.UTF_8));
            boolean replaying = (type != null && type.endsWith("ReplayToken")) || node.has("tokenAtReset");
            JsonNode position = replaying ? node.path("currentToken") : node;
            JsonNode index = position.path("index");
            if (index.isMissingNode() || index.isNull()) {
                // a MergedTrackingToken or another wrapper: take the highest index found anywhere inside
                index = deepestIndex(position);
            }
            return new Position(processor, index == null ? -1 : index.asLong(-1), replaying);
        } catch (IOException e) {
            return new Position(processor, -1, false);
        }
    }

    private static JsonNode deepestIndex(JsonNode node) {
        JsonNode best = null;
        for (JsonNode n : node.findValues("index")) {
            if (n.isNumber() && (best == null || n.asLong() > best.asLong())) {
                best = n;
            }
        }
        return best;
    }

    /** Deletes the processor's token (so that it starts from the first event) and empties the projection's tables. */
    static List<String> reset(Connection c, Projection p) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (String t : p.tables()) {
            if (exists(c, t)) {
                tables.add(t);
            }
        }
        try (PreparedStatement del = c.prepareStatement("delete from token_entry where processor_name = ?")) {
            del.setString(1, p.processor());
            del.executeUpdate();
        }
        if (!tables.isEmpty()) {
            Database.exec(c, "truncate " + String.join(", ", tables));
        }
        return tables;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
