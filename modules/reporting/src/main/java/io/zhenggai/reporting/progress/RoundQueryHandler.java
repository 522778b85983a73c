package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.RectificationQueries.AccountabilityCount;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;
import io.zhenggai.ledger.Accountability;
import io.zhenggai.ledger.FindingCounts;
import io.zhenggai.ledger.ItemCounts;
import io.zhenggai.ledger.ProcessMetrics;
import io.zhenggai.reporting.progress.ProgressCalculator.FindingFact;
import io.zhenggai.reporting.progress.ProgressCalculator.ItemFact;
import io.zhenggai.reporting.progress.ProgressQueries.*;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.reporting.progress.RoundQueries.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.zhenggai.reporting.progress.ProgressReads.*;

/**
 * Answers the rounds and a round's totals from the {@code progress_*} tables, each unit folded as its own dashboard
 * folds it (ADR 0022).
 */
@Component
class RoundQueryHandler {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProgressReads reads;

    RoundQueryHandler(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reads = new ProgressReads(jdbc, json);
    }

    private record RoundRow(String roundId, String name, String organizer, LocalDate periodStart, LocalDate periodEnd) {
    }

    /**
     * A round's totals: each unit (inspection) folded through the ledger arithmetic as its own dashboard folds it,
     * and the round the sum of its units ({@code ItemCounts.sum}, {@code FindingCounts.sum}, {@code ProcessMetrics.sum},
     * and sums per kind), so the round and its rows cannot disagree.
     */
    @QueryHandler
    RoundTotals handle(FindRoundTotalsQuery q) {
        RoundRow round = jdbc.sql("select * from progress_round where round_id = :id").param("id", q.roundId())
                .query((rs, n) -> new RoundRow(rs.getString("round_id"), rs.getString("name"), rs.getString("organizer"),
                        date(rs, "period_start"), date(rs, "period_end")))
                .optional().orElse(null);
        List<Header> headers = jdbc.sql("select * from progress_inspection where round_id = :id order by created_at, inspection_id")
                .param("id", q.roundId()).query((rs, n) -> header(rs)).list();
        if (round == null && headers.isEmpty()) {
            return null;
        }
        LocalDate today = BusinessDates.judgedOn(q.today(), null, clock);
        int wd = q.warningDays();
        Map<String, List<ItemFact>> items = reads.items("where not removed and " + IN_ROUND, q.roundId());
        Map<String, List<FindingFact>> findings = new HashMap<>();
        jdbc.sql("select * from progress_finding where not withdrawn and " + IN_ROUND + " order by inspection_id, category_id, ordinal")
                .param("id", q.roundId())
                .query((rs, n) -> findings.computeIfAbsent(rs.getString("inspection_id"), k -> new ArrayList<>())
                        .add(finding(rs)))
                .list();
        Map<String, MoneyTotals> money = headers.isEmpty() ? Map.of() : reads.money(headers.stream().map(Header::inspectionId).toList());

        List<RoundUnit> units = new ArrayList<>();
        List<ItemCounts> itemCounts = new ArrayList<>();
        List<FindingCounts> findingCounts = new ArrayList<>();
        List<ProcessMetricCount> metrics = new ArrayList<>();
        Map<MeetingKind, Integer> meetingsByKind = new EnumMap<>(MeetingKind.class);
        List<AccountabilityCount> accountabilityByUnit = new ArrayList<>();
        Map<MoneyOutcomeKind, KindSum> moneyByKind = new EnumMap<>(MoneyOutcomeKind.class);
        int[] sums = new int[5]; // regulations, enacted, revised, meetings, accountability records
        for (Header h : headers) {
            List<ItemFact> unitItems = items.getOrDefault(h.inspectionId(), List.of());
            // each unit judged on its own as-of date when it is carried as history, like its own dashboard (ADR 0018)
            ItemCounts ic = ProgressCalculator.itemCounts(unitItems, BusinessDates.judgedOn(q.today(), h.asOfDate(), clock), wd);
            FindingCounts fc = ProgressCalculator.findingCounts(findings.getOrDefault(h.inspectionId(), List.of()), unitItems);
            itemCounts.add(ic);
            findingCounts.add(fc);
            RegulationTotals regs = reads.regulations(h.inspectionId());
            sums[0] += regs.count();
            sums[1] += regs.enacted();
            sums[2] += regs.revised();
            MeetingTotals mt = reads.meetings(h.rectificationId());
            sums[3] += mt.count();
            mt.byKind().forEach(k -> meetingsByKind.merge(k.kind(), k.count(), Integer::sum));
            AccountabilityTotals at = reads.accountability(h.rectificationId());
            sums[4] += at.records();
            accountabilityByUnit.addAll(at.byKind());
            MoneyTotals m = money.getOrDefault(h.inspectionId(), noMoney());
            m.byKind().forEach(k -> moneyByKind.merge(k.kind(), new KindSum(k.amount(), k.count()),
                    (a, b) -> new KindSum(a.amount().add(b.amount()), a.count() + b.count())));
            List<ProcessMetricCount> pm = reads.processMetrics(h.rectificationId());
            metrics.addAll(pm);
            units.add(new RoundUnit(h.inspectionId(), h.body(), h.unit(), h.status(), h.statusLabel(),
                    h.feedbackDate(), h.planStatus(), h.planStatusLabel(), ProgressCalculator.findingTotals(fc),
                    ProgressCalculator.totals(ic), new RegulationCount(regs.count(), regs.enacted(), regs.revised()),
                    mt.count(), at.total(), m.total(), m.totalWanYuanText(), pm));
        }
        List<MeetingKindCount> meetings = Arrays.stream(MeetingKind.values())
                .map(k -> new MeetingKindCount(k, k.label(), meetingsByKind.getOrDefault(k, 0)))
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingInt(MeetingKindCount::count).reversed())
                .toList();
        List<AccountabilityCount> accountability = Accountability.sum(accountabilityByUnit);
        return new RoundTotals(q.roundId(), round == null ? null : round.name(), round == null ? null : round.organizer(),
                round == null ? null : round.periodStart(), round == null ? null : round.periodEnd(), today, wd,
                headers.size(), (int) headers.stream().filter(h -> h.rectificationId() != null).count(),
                ProgressCalculator.findingTotals(FindingCounts.sum(findingCounts)),
                ProgressCalculator.totals(ItemCounts.sum(itemCounts)),
                new RegulationCount(sums[0], sums[1], sums[2]), sums[3], meetings,
                new AccountabilityTotals(accountability, Accountability.total(accountability), sums[4]),
                moneyTotals(moneyByKind), ProcessMetrics.sum(metrics), units);
    }

    /** The rounds known from their events or named by an inspection, newest first. */
    @QueryHandler
    RoundRefs handle(ListRoundsProgressQuery q) {
        return new RoundRefs(jdbc.sql("""
                        select k.round_id, r.name, r.period_start, r.period_end,
                            (select count(*) from progress_inspection i where i.round_id = k.round_id) as n
                        from (select round_id from progress_round
                              union select round_id from progress_inspection where round_id is not null) k
                        left join progress_round r on r.round_id = k.round_id
                        order by r.period_start desc nulls last, k.round_id""")
                .query((rs, n) -> new RoundRef(rs.getString("round_id"), rs.getString("name"), date(rs, "period_start"),
                        date(rs, "period_end"), rs.getInt("n")))
                .list());
    }
}
