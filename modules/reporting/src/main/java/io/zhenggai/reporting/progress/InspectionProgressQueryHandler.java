package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.reporting.progress.ProgressCalculator.CategoryFact;
import io.zhenggai.reporting.progress.ProgressCalculator.FindingFact;
import io.zhenggai.reporting.progress.ProgressCalculator.ItemFact;
import io.zhenggai.reporting.progress.ProgressCalculator.Transition;
import io.zhenggai.reporting.progress.ProgressQueries.*;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.reporting.progress.RoundQueries.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static io.zhenggai.reporting.progress.ProgressReads.*;

/** Answers an inspection's dashboard from the {@code progress_*} tables; the figures come from {@link ProgressCalculator}. */
@Component
class InspectionProgressQueryHandler {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProgressReads reads;

    InspectionProgressQueryHandler(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reads = new ProgressReads(jdbc, json);
    }

    @QueryHandler
    InspectionProgress handle(FindInspectionProgressQuery q) {
        Header h = jdbc.sql("select * from progress_inspection where inspection_id = :id").param("id", q.inspectionId())
                .query((rs, n) -> header(rs)).optional().orElse(null);
        if (h == null) {
            return null;
        }
        LocalDate today = BusinessDates.judgedOn(q.today(), h.asOfDate(), clock);
        int wd = q.warningDays();
        List<ItemFact> items = reads.items("where inspection_id = :id and not removed", q.inspectionId()).getOrDefault(q.inspectionId(), List.of());
        List<Transition> transitions = h.rectificationId() == null ? List.of() : jdbc.sql("""
                        select item_id, business_date, seq, done from progress_item_transition where rectification_id = :r""")
                .param("r", h.rectificationId())
                .query((rs, n) -> new Transition(rs.getString("item_id"), date(rs, "business_date"), rs.getLong("seq"),
                        rs.getBoolean("done")))
                .list();
        List<CategoryFact> categories = jdbc.sql("select * from progress_category where inspection_id = :id order by ordinal")
                .param("id", q.inspectionId())
                .query((rs, n) -> new CategoryFact(rs.getString("category_id"), rs.getInt("ordinal"), rs.getString("title")))
                .list();
        List<FindingFact> findings = jdbc.sql("""
                        select * from progress_finding where inspection_id = :id and not withdrawn order by category_id, ordinal""")
                .param("id", q.inspectionId())
                .query((rs, n) -> finding(rs))
                .list();
        LocalDate start = ProgressCalculator.seriesStart(h.feedbackDate(), items);
        return new InspectionProgress(h.inspectionId(), h.roundId(), h.body(), h.unit(), h.status(), h.statusLabel(),
                h.fieldworkStart(), h.fieldworkEnd(), h.feedbackDate(), h.rectificationId(), h.officeName(), h.planStatus(),
                h.planStatusLabel(), h.planTitle(), h.planDocument(), h.planAdoptedDate(), today, wd,
                ProgressCalculator.totals(items, today, wd),
                ProgressCalculator.findingTotals(findings, items),
                ProgressCalculator.byStatus(items),
                ProgressCalculator.warnings(items, today, wd),
                ProgressCalculator.byCategory(categories, findings, items, today, wd),
                ProgressCalculator.byDepartment(items, today, wd),
                ProgressCalculator.byLeader(items, today, wd),
                ProgressCalculator.nextDue(items, today, wd, q.nextDueLimit()),
                ProgressCalculator.overdue(items, today, wd),
                ProgressCalculator.series(items, transitions, start, today),
                reads.regulations(q.inspectionId()),
                reads.money(List.of(q.inspectionId())).getOrDefault(q.inspectionId(), noMoney()),
                reads.accountability(h.rectificationId()),
                reads.meetings(h.rectificationId()),
                h.kind(), h.form(), h.level(), h.kind().terms(), h.asOfDate(),
                reads.processMetrics(h.rectificationId()));
    }
}
