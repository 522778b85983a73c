package io.zhenggai.rectification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overdue deadlines for real: persistent rows in {@code scheduled_tasks} (Axon's DbSchedulerDeadlineManager),
 * fired by db-scheduler (polling every 500 ms in the ITs), moved by an extension, removed by completion.
 */
class RectificationDeadlineIT extends RectificationItSupport {

    @Test
    void anItemDueYesterdayIsRecordedOverdueByTheSystemWithinSeconds() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        setUpGroup(d);
        LocalDate yesterday = today().minusDays(1);
        String itemId = uniqueId("item");
        addItem(d, itemId, List.of("f1", "f2", "f3"), "TIME_BOUND", yesterday, "办公室", "一是");

        StoredEvent overdue = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> events(d.rectificationId()).stream().filter(e -> e.type().equals("ItemBecameOverdueEvent"))
                        .findFirst().orElse(null), e -> e != null);
        assertThat(overdue.payload().get("itemId").asText()).isEqualTo(itemId);
        assertThat(overdue.payload().get("dueDate").asText()).isEqualTo(yesterday.toString());
        assertThat(overdue.payload().get("overdueSince").asText()).isEqualTo(today().toString());
        assertThat(overdue.metaData().get("userId").asText()).isEqualTo("system");
        assertThat(overdue.metaData().get("commandName").asText()).isEqualTo("ItemOverdueDeadline");
        // the overdue event belongs to the causal chain of the command that scheduled its deadline (adding the item)
        StoredEvent added = events(d.rectificationId()).stream()
                .filter(e -> e.type().equals("ItemAddedEvent") && e.payload().get("itemId").asText().equals(itemId))
                .findFirst().orElseThrow();
        assertThat(overdue.metaData().get("correlationId").asText())
                .isEqualTo(added.metaData().get("correlationId").asText());
        assertThat(overdue.metaData().get("causationId").asText())
                .as("caused by the deadline message, not by the command itself")
                .isNotEqualTo(added.metaData().get("causationId").asText());

        JsonNode ledger = ledgerAt(d, overdue.sequence());
        JsonNode item = RectificationLifecycleIT.item(ledger, itemId);
        assertThat(item.get("overdueSince").asText()).isEqualTo(today().toString());
        assertThat(item.get("warningLevel").asText()).isEqualTo("RED");
        assertThat(item.get("warningLabel").asText()).isEqualTo("逾期");
        assertThat(ledger.at("/totals/overdue").asInt()).isEqualTo(1);
        assertThat(scheduledFor(d, itemId)).as("a fired deadline leaves no row").isEmpty();
    }

    @Test
    void theDeadlineIsAPersistentRowMovedByAnExtensionAndRemovedByCompletion() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        setUpGroup(d);
        String itemId = uniqueId("item");
        LocalDate due = today().plusDays(20);
        addItem(d, itemId, List.of("f1", "f2"), "TIME_BOUND", due, "办公室", "一是");
        addItem(d, uniqueId("item"), List.of("f3"), "ONGOING", null, "财务股", "一是");
        adopt(d);

        assertThat(scheduledFor(d, itemId)).containsExactly(startOfDay(due.plusDays(1)));

        LocalDate extended = due.plusDays(40);
        expect(api.as("unit_leader").post(d.path() + "/items/" + itemId + "/extensions", body("newDueDate", extended,
                "date", today(), "reason", "需待上级新规出台", "approver", "李部长")), 200);
        assertThat(scheduledFor(d, itemId)).containsExactly(startOfDay(extended.plusDays(1)));
        JsonNode item = RectificationLifecycleIT.item(awaitLedger(api, d,
                l -> RectificationLifecycleIT.item(l, itemId).get("extensions").size() == 1), itemId);
        assertThat(item.get("originalDueDate").asText()).isEqualTo(due.toString());
        assertThat(item.get("currentDueDate").asText()).isEqualTo(extended.toString());
        assertThat(item.at("/extensions/0/approver").asText()).isEqualTo("李部长");

        expect(api.as("rectifier").post(d.path() + "/items/" + itemId + "/progress", body("date", today(),
                "status", "COMPLETED", "text", "已完成")), 201);
        assertThat(scheduledFor(d, itemId)).as("completion cancels the deadline").isEmpty();
    }

    private Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(clock.getZone()).toInstant();
    }

    /** Execution times of the persisted overdue deadlines of the item (found by its deadline name and its rectification). */
    private List<Instant> scheduledFor(Delivered d, String itemId) {
        return jdbc.sql("""
                        select execution_time from scheduled_tasks
                        where position(cast(:name as bytea) in task_data) > 0 and position(cast(:scope as bytea) in task_data) > 0""")
                .param("name", ("rectification-item-overdue:" + itemId).getBytes(StandardCharsets.UTF_8))
                .param("scope", d.rectificationId().getBytes(StandardCharsets.UTF_8))
                .query((rs, n) -> rs.getTimestamp("execution_time").toInstant())
                .list();
    }
}
