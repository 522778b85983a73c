package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.reporting.progress.ProgressCalculator.ItemFact;
import io.zhenggai.reporting.progress.ProgressQueries.*;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.reporting.progress.RoundQueries.*;
import org.axonframework.queryhandling.QueryHandler;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.zhenggai.reporting.progress.ProgressReads.*;

/** Answers the list of inspections with their progress, within the caller's grants (ADR 0031); the figures come from {@link ProgressCalculator}. */
@Component
class ProgressOverviewQueryHandler {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProgressReads reads;
    private final ScopeVisibility visibility;

    ProgressOverviewQueryHandler(JdbcClient jdbc, ObjectMapper json, Clock clock, ObjectProvider<ScopeVisibility> visibility) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reads = new ProgressReads(jdbc, json);
        this.visibility = ScopeVisibility.of(visibility);
    }

    @QueryHandler
    ProgressOverview handle(ListInspectionProgressQuery q) {
        LocalDate today = BusinessDates.judgedOn(q.today(), null, clock);
        int wd = q.warningDays();
        // only the inspections the caller's grants reach (ADR 0031), in the totals as in the page
        Visibility seen = visibility.current();
        String scoped = " and " + Visibility.namedPredicate("inspection_id");
        Map<String, List<ItemFact>> allItems = q.roundId() == null ? reads.items("where not removed" + scoped, null, seen)
                : reads.items("where not removed and " + IN_ROUND + scoped, q.roundId(), seen);
        Totals overall = ProgressCalculator.totals(allItems.values().stream().flatMap(List::stream).toList(), today, wd);
        long total = jdbc.sql("select count(*) from progress_inspection" + ROUND_FILTER + scoped).param("round", q.roundId())
                .params(seen.namedArgs()).query(Long.class).single();
        int rectifications = jdbc.sql("select count(*) from progress_inspection" + ROUND_FILTER + scoped
                        + " and rectification_id is not null")
                .param("round", q.roundId()).params(seen.namedArgs()).query(Integer.class).single();
        List<Header> page = jdbc.sql("select * from progress_inspection" + ROUND_FILTER + scoped
                        + " order by created_at desc, inspection_id limit :size offset :offset")
                .param("round", q.roundId()).params(seen.namedArgs()).param("size", q.size())
                .param("offset", (long) q.page() * q.size())
                .query((rs, n) -> header(rs)).list();
        List<String> ids = page.stream().map(Header::inspectionId).toList();
        Map<String, Integer> findings = new HashMap<>();
        Map<String, Integer> accountability = new HashMap<>();
        Map<String, Integer> meetings = new HashMap<>();
        Map<String, MoneyTotals> money = Map.of();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select inspection_id, count(*) as n from progress_finding where not withdrawn and inspection_id in (:ids)
                            group by inspection_id""")
                    .param("ids", ids).query((rs, n) -> findings.put(rs.getString("inspection_id"), rs.getInt("n"))).list();
            List<String> rects = page.stream().map(Header::rectificationId).filter(r -> r != null).toList();
            if (!rects.isEmpty()) {
                jdbc.sql("""
                                select rectification_id, sum(persons) as n from progress_accountability
                                where rectification_id in (:ids) group by rectification_id""")
                        .param("ids", rects).query((rs, n) -> accountability.put(rs.getString("rectification_id"), rs.getInt("n")))
                        .list();
                jdbc.sql("""
                                select rectification_id, count(*) as n from progress_meeting
                                where rectification_id in (:ids) group by rectification_id""")
                        .param("ids", rects).query((rs, n) -> meetings.put(rs.getString("rectification_id"), rs.getInt("n")))
                        .list();
            }
            money = reads.money(ids);
        }
        List<InspectionSummary> summaries = new ArrayList<>();
        for (Header h : page) {
            MoneyTotals m = money.getOrDefault(h.inspectionId(), noMoney());
            LocalDate judgedOn = BusinessDates.judgedOn(q.today(), h.asOfDate(), clock);
            summaries.add(new InspectionSummary(h.inspectionId(), h.roundId(), h.body(), h.unit(), h.status(),
                    h.statusLabel(), h.feedbackDate(), h.planStatus(), h.planStatusLabel(),
                    findings.getOrDefault(h.inspectionId(), 0),
                    ProgressCalculator.totals(allItems.getOrDefault(h.inspectionId(), List.of()), judgedOn, wd),
                    reads.regulations(h.inspectionId()).count(), m.total(), m.totalWanYuanText(),
                    h.rectificationId() == null ? 0 : accountability.getOrDefault(h.rectificationId(), 0),
                    h.rectificationId() == null ? 0 : meetings.getOrDefault(h.rectificationId(), 0),
                    h.kind(), h.kind().terms(), h.asOfDate(), judgedOn));
        }
        return new ProgressOverview(today, wd, (int) total, rectifications, overall, summaries, q.page(), q.size(), total,
                InspectionKind.eitherTerms());
    }
}
