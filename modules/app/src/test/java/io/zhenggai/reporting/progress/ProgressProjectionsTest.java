package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.zhenggai.api.finance.FinanceEvents.MoneyOutcomeRecordedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationEnactedEvent;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.inspection.InspectionEvents.DeliveredCategory;
import io.zhenggai.api.inspection.InspectionEvents.DeliveredFinding;
import io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.RectificationEvents.ItemAddedEvent;
import io.zhenggai.api.rectification.RectificationEvents.LedgerCategory;
import io.zhenggai.api.rectification.RectificationEvents.LedgerFinding;
import io.zhenggai.api.rectification.RectificationEvents.MeetingRecordedEvent;
import io.zhenggai.api.rectification.RectificationEvents.RectificationOpenedEvent;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.app.support.ProjectionRun;
import io.zhenggai.reporting.progress.ProgressQueries.InspectionProgress;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress projections on real PostgreSQL (giftcard's {@code CardSummaryProjectionTest} shape): the four classes
 * of {@code progress-projection} (ADR 0048) are called with the events of three contexts, and the progress query
 * answers from what they wrote together; a redelivery changes nothing.
 */
class ProgressProjectionsTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Instant T0 = Instant.parse("2023-09-12T02:00:00Z");
    static final String INSPECTION = "insp-1";
    static final String RECTIFICATION = RectificationIds.forInspection(INSPECTION);
    static final String BOOK = "finance-rulebook:区委统战部";

    static ProjectionRun run;

    @BeforeAll
    static void database() {
        run = ProjectionRun.create("progressprojections");
    }

    @AfterAll
    static void close() throws Exception {
        run.close();
    }

    DashboardReader reader;

    @BeforeEach
    void empty() {
        ProgressProjection.TABLES.forEach(table -> run.jdbc.sql("delete from " + table).update());
        reader = new DashboardReader(run.jdbc, JSON, CLOCK);
    }

    static List<DomainEventMessage<?>> history() {
        LocalDate feedback = LocalDate.of(2023, 9, 12);
        return List.of(
                ProjectionRun.event(INSPECTION, 5, T0, new FeedbackDeliveredEvent(INSPECTION, null, "区委第四巡察组", "区委统战部",
                        "常规巡察", List.of(), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28), feedback,
                        List.of(new DeliveredCategory("c1", 1, "关于贯彻部署方面", List.of(
                                new DeliveredFinding("f1", 1, "制度落实不到位", null, List.of()),
                                new DeliveredFinding("f2", 2, "格局不够有力", null, List.of())))),
                        InspectionKind.XUNCHA, null, null)),
                ProjectionRun.event(RECTIFICATION, 0, T0, new RectificationOpenedEvent(RECTIFICATION, INSPECTION, null,
                        "区委第四巡察组", "区委统战部", "常规巡察", List.of(), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28),
                        feedback, List.of(new LedgerCategory("c1", 1, "关于贯彻部署方面", List.of(
                                new LedgerFinding("f1", 1, "制度落实不到位", null, List.of()),
                                new LedgerFinding("f2", 2, "格局不够有力", null, List.of())))),
                        InspectionKind.XUNCHA, null, null)),
                ProjectionRun.event(RECTIFICATION, 1, T0, new ItemAddedEvent(RECTIFICATION, "i1", 1, List.of("f1"),
                        "每月召开学习研讨会", ItemKind.values()[0], LocalDate.of(2023, 12, 31), "m1", "张三", "办公室", null,
                        false, null)),
                ProjectionRun.event(RECTIFICATION, 2, T0, new MeetingRecordedEvent(RECTIFICATION, "mt1", MeetingKind.values()[0],
                        LocalDate.of(2023, 9, 20), "专题民主生活会", List.of(), List.of(), null)),
                ProjectionRun.event(BOOK, 0, T0, new RegulationEnactedEvent(BOOK, "区委统战部", "reg-1", "《学习制度》",
                        RegulationArea.values()[0], "reg-1-v1", 1, null, LocalDate.of(2023, 10, 1), null, null, List.of(),
                        List.of(new AnswerLink(INSPECTION, "f1", null)))),
                ProjectionRun.event(BOOK, 1, T0, new MoneyOutcomeRecordedEvent(BOOK, "区委统战部", "m-1",
                        MoneyOutcomeKind.values()[0], new BigDecimal("12426.00"), LocalDate.of(2023, 11, 1), INSPECTION, null,
                        null, "追缴")));
    }

    void apply(List<DomainEventMessage<?>> events) throws Exception {
        for (DomainEventMessage<?> e : events) {
            reader.apply(e);
        }
    }

    @Test
    void theFourViewsTogetherAnswerTheProgressOfAnInspection() throws Exception {
        apply(history());

        InspectionProgress p = reader.progress(INSPECTION, LocalDate.of(2024, 3, 25), 7);
        assertThat(p.inspectionId()).isEqualTo(INSPECTION);
        assertThat(p.rectificationId()).isEqualTo(RECTIFICATION);
        assertThat(p.feedbackDate()).isEqualTo(LocalDate.of(2023, 9, 12));
        assertThat(p.findingTotals().findings()).isEqualTo(2);
        assertThat(p.totals().items()).isEqualTo(1);
        assertThat(p.meetings().count()).isEqualTo(1);
        assertThat(p.regulations().count()).isEqualTo(1);
        assertThat(p.money().total()).isEqualByComparingTo("12426.00");
    }

    @Test
    void aRedeliveredHistoryChangesNothing() throws Exception {
        apply(history());
        InspectionProgress once = reader.progress(INSPECTION, LocalDate.of(2024, 3, 25), 7);
        apply(history());

        assertThat(reader.progress(INSPECTION, LocalDate.of(2024, 3, 25), 7)).isEqualTo(once);
    }
}
