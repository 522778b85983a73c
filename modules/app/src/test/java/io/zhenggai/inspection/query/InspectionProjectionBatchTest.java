package io.zhenggai.inspection.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.zhenggai.api.inspection.InspectionEvents.*;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.app.support.ProjectionRun;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection projection's write path on real PostgreSQL: a batch folds its rows and writes each once (ADR 0036).
 * Whatever the batching, the tables hold what the projection wrote before, one or two statements per event
 * ({@link PerEventInspectionProjection}, the old code kept as the reference); a redelivery changes nothing.
 */
class InspectionProjectionBatchTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final Instant T0 = Instant.parse("2023-06-01T02:00:00Z");
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("inspection_round", "select * from inspection_round order by round_id");
        TABLES.put("inspection", "select inspection_id, round_id, inspecting_body, inspected_unit, mandate, legal_basis::text, "
                + "planned_start, planned_end, fieldwork_start, fieldwork_end, feedback_date, status, version, created_at, "
                + "updated_at, kind, form, level from inspection order by inspection_id");
        TABLES.put("inspection_category", "select * from inspection_category order by inspection_id, category_id");
        TABLES.put("inspection_finding", "select inspection_id, finding_id, category_id, ordinal, title, description, "
                + "manifestations::text, withdrawn, withdrawal_reason, corrections from inspection_finding "
                + "order by inspection_id, finding_id");
    }

    static ProjectionRun run;

    @BeforeAll
    static void database() {
        run = ProjectionRun.create("inspbatch");
    }

    @AfterAll
    static void close() throws Exception {
        run.close();
    }

    @BeforeEach
    void empty() {
        batched().reset();
    }

    InspectionProjection batched() {
        return new InspectionProjection(run.jdbcTemplate, JSON, true);
    }

    Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        TABLES.forEach((table, sql) -> all.put(table, run.rows(sql)));
        return all;
    }

    /** Two inspections of a round, interleaved; findings recorded, amended, withdrawn and corrected in one batch. */
    static List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(e("round-1", 0, new RoundCreatedEvent("round-1", "十三届区委第三轮巡察", "区委巡察办",
                LocalDate.of(2023, 6, 1), LocalDate.of(2023, 9, 30))));
        events.add(e("round-2", 0, new RoundCreatedEvent("round-2", "十三届区委第四轮巡察", null, null, null)));
        for (String i : List.of("i-a", "i-b")) {
            events.add(e(i, 0, new InspectionScheduledEvent(i, "round-1", "区委第四巡察组", "区委统战部 " + i, "常规巡察",
                    List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28),
                    InspectionKind.XUNCHA, null, null)));
        }
        events.add(e("i-a", 1, new FieldworkStartedEvent("i-a", LocalDate.of(2023, 6, 8))));
        events.add(e("i-a", 2, new FindingCategoryAddedEvent("i-a", "c1", 1, "关于贯彻部署方面")));
        events.add(e("i-b", 1, new InspectionJoinedRoundEvent("i-b", "round-2", "round-1")));
        events.add(e("i-a", 3, new FindingRecordedEvent("i-a", "f1", "c1", 1, "制度落实不到位", "学用结合不够",
                List.of("学习研讨流于形式"))));
        events.add(e("i-a", 4, new FindingRecordedEvent("i-a", "f2", "c1", 2, "格局不够有力", null, List.of())));
        events.add(e("i-a", 5, new FindingAmendedEvent("i-a", "f1", "“第一议题”制度落实不到位", "学用结合不够", List.of("流于形式"))));
        events.add(e("i-a", 6, new FindingWithdrawnEvent("i-a", "f2", "与第一项重复")));
        events.add(e("i-a", 7, new FieldworkConcludedEvent("i-a", LocalDate.of(2023, 7, 28))));
        events.add(e("i-a", 8, new FeedbackDeliveredEvent("i-a", "round-1", "区委第四巡察组", "区委统战部 i-a", "常规巡察",
                List.of(), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), LocalDate.of(2023, 9, 12), List.of(),
                InspectionKind.XUNCHA, null, null)));
        events.add(e("i-a", 9, new FindingCorrectedEvent("i-a", "f1", "c1", "“第一议题”制度落实不到位（更正）", "更正", List.of(),
                "笔误")));
        events.add(e("i-a", 10, new FindingCorrectedEvent("i-a", "f1", "c1", "“第一议题”制度落实不到位（再更正）", null, null,
                "再次笔误")));
        return events;
    }

    @Test
    void everyBatchingWritesWhatOneEventPerTransactionWrote() {
        run.apply(new PerEventInspectionProjection(run.jdbc, JSON), history(), 1);
        Map<String, List<Map<String, Object>>> reference = tables();
        assertThat(reference.get("inspection_finding")).hasSize(2);

        for (int size : List.of(1, 2, 3, 500)) {
            batched().reset();
            assertThat(run.apply(batched(), history(), size)).isEmpty();
            assertThat(tables()).as("batches of %d", size).isEqualTo(reference);
        }
        Map<String, Object> a = tables().get("inspection").get(0);
        assertThat(a.get("status")).isEqualTo("FEEDBACK_DELIVERED");
        assertThat(a.get("version")).isEqualTo(10L);
        Map<String, Object> f1 = tables().get("inspection_finding").get(0);
        assertThat(f1.get("corrections")).isEqualTo(2);
        assertThat(f1.get("manifestations")).isEqualTo("[]");
        assertThat(tables().get("inspection").get(1).get("round_id")).isEqualTo("round-2");
    }

    @Test
    void aBatchOnTopOfEarlierBatchesUpdatesTheRowsItFinds() {
        run.apply(new PerEventInspectionProjection(run.jdbc, JSON), history(), 1);
        Map<String, List<Map<String, Object>>> reference = tables();
        batched().reset();

        // the first six events in one batch, the rest in a second one: the second updates rows written by the first
        run.apply(batched(), history().subList(0, 8), 500);
        run.apply(batched(), history().subList(8, history().size()), 500);

        assertThat(tables()).isEqualTo(reference);
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        run.apply(batched(), history(), 500);
        Map<String, List<Map<String, Object>>> once = tables();

        run.apply(batched(), history(), 500);
        run.apply(batched(), history().subList(4, 12), 3);

        assertThat(tables()).isEqualTo(once);
    }

    static DomainEventMessage<?> e(String aggregate, long seq, Object payload) {
        return ProjectionRun.event(aggregate, seq, T0.plusSeconds(seq), payload);
    }
}
