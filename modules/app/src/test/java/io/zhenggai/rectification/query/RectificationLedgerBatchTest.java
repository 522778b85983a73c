package io.zhenggai.rectification.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.RectificationEvents.*;
import io.zhenggai.app.support.ProjectionRun;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's write path on real PostgreSQL: the documents a batch changes are folded in memory and written once
 * (ADR 0036). Whatever the batching, the rows are those of one event per transaction; a replay changes nothing;
 * a handler that throws half-way leaves no trace in its document, and the batch goes on.
 */
class RectificationLedgerBatchTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final Instant T0 = Instant.parse("2023-09-13T02:00:00Z");
    static final String SELECT = "select rectification_id, inspection_id, inspected_unit, feedback_date, version, "
            + "document::text as document, opened_at, updated_at from rectification_ledger order by rectification_id";

    static ProjectionRun run;

    @BeforeAll
    static void database() {
        run = ProjectionRun.create("ledgerbatch");
    }

    @AfterAll
    static void close() throws Exception {
        run.close();
    }

    @BeforeEach
    void empty() {
        projection(true).reset();
    }

    RectificationLedgerProjection projection(boolean batched) {
        return new RectificationLedgerProjection(run.jdbcTemplate, JSON, batched);
    }

    /** Two rectifications, their events interleaved as in the store. */
    static List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (String r : List.of("r-a", "r-b")) {
            events.add(e(r, 0, opened(r)));
        }
        for (String r : List.of("r-a", "r-b")) {
            events.add(e(r, 1, new OfficeNamedEvent(r, "整改办", "办公室")));
            events.add(e(r, 2, new GroupMemberAppointedEvent(r, "m1", "李部长", "部长", LeadershipRole.LEADER, LocalDate.of(2023, 9, 15))));
        }
        events.add(e("r-a", 3, item("r-a", "i1", 1)));
        events.add(e("r-b", 3, item("r-b", "i1", 1)));
        events.add(e("r-a", 4, new MeasureAddedEvent("r-a", "i1", "m-1", 1, "一是建立制度", false, null)));
        events.add(e("r-a", 5, item("r-a", "i2", 2)));
        events.add(e("r-a", 6, progress("r-a", "i1", "m-1", ItemStatus.IN_PROGRESS, List.of())));
        events.add(e("r-b", 4, new ItemRemovedEvent("r-b", "i1", "合并")));
        events.add(e("r-a", 7, new ItemBecameOverdueEvent("r-a", "i2", LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1),
                ItemStatus.NOT_STARTED)));
        events.add(e("r-a", 8, progress("r-a", "i1", "m-1", ItemStatus.COMPLETED, List.of())));
        return events;
    }

    @Test
    void oneBatchWritesTheRowsOfOneEventPerTransaction() {
        run.apply(projection(false), history(), 1);
        List<Map<String, Object>> oneByOne = run.rows(SELECT);
        projection(true).reset();

        assertThat(run.apply(projection(true), history(), 500)).isEmpty();

        List<Map<String, Object>> batched = run.rows(SELECT);
        assertThat(batched).isEqualTo(oneByOne);
        assertThat(batched).extracting(row -> row.get("version")).containsExactly(8L, 4L);
        LedgerDocument a = read(batched.get(0));
        assertThat(a.officeName).isEqualTo("整改办");
        assertThat(a.items).extracting(i -> i.itemId).containsExactly("i1", "i2");
        assertThat(a.items.get(0).status).isEqualTo(ItemStatus.COMPLETED);
        assertThat(a.items.get(0).progress).hasSize(2);
        assertThat(a.items.get(1).overdueSince).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(read(batched.get(1)).items.get(0).removed).isTrue();
        assertThat(batched.get(0).get("updated_at")).isEqualTo(java.sql.Timestamp.from(T0.plusSeconds(8)));
    }

    @Test
    void batchesOfAnySizeAgree() {
        run.apply(projection(true), history(), 1);
        List<Map<String, Object>> expected = run.rows(SELECT);
        for (int size : List.of(2, 3, 7)) {
            projection(true).reset();
            run.apply(projection(true), history(), size);
            assertThat(run.rows(SELECT)).as("batches of %d", size).isEqualTo(expected);
        }
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        run.apply(projection(true), history(), 500);
        List<Map<String, Object>> once = run.rows(SELECT);

        run.apply(projection(true), history(), 500);
        run.apply(projection(true), history().subList(3, 9), 2);

        assertThat(run.rows(SELECT)).isEqualTo(once);
    }

    @Test
    void aHandlerThatFailsHalfWayLeavesNoTraceAndTheBatchGoesOn() {
        List<DomainEventMessage<?>> events = new ArrayList<>(history().subList(0, 11)); // up to r-a's progress at 6
        // sets the item's status, then fails on the missing evidence list: as if the handler had never run
        events.add(e("r-a", 7, progress("r-a", "i2", null, ItemStatus.COMPLETED, null)));
        events.add(e("r-b", 4, new ItemRemovedEvent("r-b", "i1", "合并")));

        List<Throwable> failures = run.apply(projection(true), events, 500);

        assertThat(failures).singleElement().isInstanceOf(NullPointerException.class);
        List<Map<String, Object>> rows = run.rows(SELECT);
        LedgerDocument a = read(rows.get(0));
        assertThat(rows.get(0).get("version")).isEqualTo(6L);
        assertThat(a.items.get(0).status).isEqualTo(ItemStatus.IN_PROGRESS); // the events before the failure stay
        assertThat(a.items.get(1).status).isEqualTo(ItemStatus.NOT_STARTED); // the failed one left nothing
        assertThat(a.items.get(1).progress).isEmpty();
        assertThat(rows.get(1).get("version")).isEqualTo(4L);
        assertThat(read(rows.get(1)).items.get(0).removed).isTrue();
    }

    static LedgerDocument read(Map<String, Object> row) {
        try {
            return JSON.readValue((String) row.get("document"), LedgerDocument.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static DomainEventMessage<?> e(String aggregate, long seq, Object payload) {
        return ProjectionRun.event(aggregate, seq, T0.plusSeconds(seq), payload);
    }

    static RectificationOpenedEvent opened(String r) {
        return new RectificationOpenedEvent(r, "insp-" + r, "round-1", "区委第四巡察组", "区委统战部", "区委统一部署",
                List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), LocalDate.of(2023, 9, 12),
                List.of(new LedgerCategory("c1", 1, "关于贯彻部署方面", List.of(
                        new LedgerFinding("f1", 1, "制度落实不到位", "学用结合不够", List.of("学习研讨流于形式"))))),
                InspectionKind.XUNCHA, null, null);
    }

    static ItemAddedEvent item(String r, String itemId, int ordinal) {
        return new ItemAddedEvent(r, itemId, ordinal, List.of("f1"), "整改事项 " + itemId, ItemKind.TIME_BOUND,
                LocalDate.of(2023, 12, 31), "m1", "李部长", "办公室", "张干事", false, null);
    }

    static ProgressRecordedEvent progress(String r, String itemId, String measureId, ItemStatus status,
                                          List<io.zhenggai.api.rectification.Evidence> evidence) {
        return new ProgressRecordedEvent(r, "p-" + itemId + "-" + status, itemId, measureId, LocalDate.of(2023, 11, 1),
                measureId == null ? null : status, status, ItemStatus.NOT_STARTED, "推进中", evidence);
    }
}
