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

    /** A projection: its processor name and the prefix of the tables it owns (truncated before a replay). */
    record Projection(String processor, String tablePrefix) {
    }

    /**
     * The projections whose full replay is figure 3.
     * ── RECTIFICATION (issue 3): add the progress projection here once that context lands, e.g.
     *    {@code new Projection("progress-projection", "rectification")}, with the processor name from its
     *    {@code @ProcessingGroup} and the prefix of the tables its {@code @ResetHandler} clears.
     */
    static final List<Projection> REPLAYED = List.of(
            new Projection("inspection-projection", "inspection"));

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
        List<String> tables = tables(c, p.tablePrefix());
        try (PreparedStatement del = c.prepareStatement("delete from token_entry where processor_name = ?")) {
            del.setString(1, p.processor());
            del.executeUpdate();
        }
        if (!tables.isEmpty()) {
            Database.exec(c, "truncate " + String.join(", ", tables));
        }
        return tables;
    }

    /** Tables named {@code prefix} or {@code prefix_*} in the public schema. */
    static List<String> tables(Connection c, String prefix) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and (table_name = ? or table_name like ?) order by table_name")) {
            ps.setString(1, prefix);
            ps.setString(2, prefix.replace("_", "\\_") + "\\_%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
