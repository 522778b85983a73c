package io.zhenggai.rectification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationQueries.ListUnmatchedEscalationsQuery;
import io.zhenggai.api.rectification.RectificationQueries.UnmatchedEscalation;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The escalations that wait in an {@link EscalationSaga} for their inspection's rectification, read from the saga
 * store itself (Axon's {@code saga_entry}, the saga's state as Jackson JSON; {@code association_value_entry} keys
 * it on the inspection), so the list shows exactly what the sagas hold: newest first, at most 500.
 */
@Component
class WaitingEscalations {

    private static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    WaitingEscalations(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    List<UnmatchedEscalation> handle(ListUnmatchedEscalationsQuery query) {
        List<byte[]> sagas = jdbc.sql("""
                        select s.serialized_saga from saga_entry s
                        where s.saga_type = :type
                          and (cast(:inspection as varchar) is null or exists (
                                select 1 from association_value_entry a
                                where a.saga_id = s.saga_id and a.saga_type = s.saga_type
                                  and a.association_key = 'inspectionId' and a.association_value = :inspection))""")
                .param("type", EscalationSaga.class.getName()).param("inspection", query.inspectionId())
                .query((rs, n) -> rs.getBytes(1))
                .list();
        List<UnmatchedEscalation> items = new ArrayList<>();
        for (byte[] saga : sagas) {
            JsonNode state = read(saga);
            String inspectionId = state.path("inspectionId").asText(null);
            for (JsonNode w : state.path("waiting")) {
                FindingSource source = FindingSource.valueOf(w.path("source").asText());
                items.add(new UnmatchedEscalation(source, source.label(), w.path("sourceId").asText(), inspectionId,
                        w.path("title").asText(""), w.path("reason").asText(""), Instant.parse(w.path("receivedAt").asText())));
            }
        }
        items.sort(Comparator.comparing(UnmatchedEscalation::receivedAt).reversed()
                .thenComparing(UnmatchedEscalation::source).thenComparing(UnmatchedEscalation::sourceId));
        return items.size() > LIMIT ? List.copyOf(items.subList(0, LIMIT)) : items;
    }

    private JsonNode read(byte[] saga) {
        try {
            return json.readTree(saga);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable escalation saga", e);
        }
    }
}
