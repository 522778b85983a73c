package io.zhenggai.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read side of an application under test, seen from outside: the streaming processors as
 * {@code /api/admin/projections} reports them (as {@code admin}), the head of the event store, and a dump of every
 * read-model table (to compare incremental processing with a rebuild).
 */
public final class ReadModels {

    /** Tables that are not read models: the event store and its machinery, accounts, schema history, the audit chain. */
    public static final Set<String> NOT_READ_MODELS = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "dead_letter_entry", "scheduled_tasks", "app_user", "app_user_role",
            "rate_limit_bucket",
            "flyway_schema_history");

    private final ApiClient admin;
    private final JdbcClient jdbc;

    public ReadModels(ApiClient api, JdbcClient jdbc) {
        this.admin = api.as("admin");
        this.jdbc = jdbc;
    }

    public List<JsonNode> projections() {
        ApiClient.Response r = admin.get("/api/admin/projections");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.json().get("projections").forEach(list::add);
        return list;
    }

    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /**
     * Waits until every streaming processor is at the head, and the head no longer moves (policies answer events
     * with new events): the store is quiet and the read side has processed all of it, without an error.
     */
    public long awaitQuietAtHead(Duration atMost) {
        long head;
        do {
            head = head();
            awaitAt(head, atMost);
        } while (head() != head);
        return head;
    }

    public void awaitAt(long head, Duration atMost) {
        var last = new Object() {
            List<JsonNode> seen;
        };
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                last.seen = projections();
                return last.seen.stream()
                        .filter(p -> p.get("processorType").asText().contains("Streaming"))
                        .allMatch(p -> !p.get("replaying").asBoolean() && !p.get("error").asBoolean()
                                && !p.get("position").isNull() && p.get("position").asLong() >= head);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("processors did not reach position " + head + ": " + last.seen, e);
        }
    }

    /** Every read-model table as JSON, rows in a stable order. */
    public Map<String, String> dump() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        Map<String, String> dump = new LinkedHashMap<>();
        for (String table : tables) {
            if (NOT_READ_MODELS.contains(table) || table.startsWith("audit_")) {
                continue;
            }
            dump.put(table, jdbc.sql("select coalesce(json_agg(t order by t::text), '[]')::text from \"" + table + "\" t")
                    .query(String.class).single());
        }
        return dump;
    }

    /** Asks every resettable projection to rebuild from the events; answers their names. */
    public List<String> replayAll() {
        List<String> replayed = new ArrayList<>();
        for (JsonNode p : projections()) {
            if (!p.get("supportsReset").asBoolean()) {
                continue;
            }
            String name = p.get("name").asText();
            ApiClient.Response r = admin.post("/api/admin/projections/" + name + "/replay", null);
            assertThat(r.status()).as(r.toString()).isEqualTo(202);
            replayed.add(name);
        }
        return replayed;
    }
}
