package io.zhenggai.reporting.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.FinanceValues.VersionKind;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.MeetingKind;
import io.zhenggai.api.rectification.ProcessMetricKind;
import io.zhenggai.api.rectification.RectificationQueries.AccountabilityCount;
import io.zhenggai.api.rectification.RectificationQueries.ProcessMetricCount;
import io.zhenggai.ledger.Accountability;
import io.zhenggai.ledger.FindingCounts;
import io.zhenggai.ledger.ItemCounts;
import io.zhenggai.ledger.ProcessMetrics;
import io.zhenggai.reporting.progress.ProgressCalculator.CategoryFact;
import io.zhenggai.reporting.progress.ProgressCalculator.FindingFact;
import io.zhenggai.reporting.progress.ProgressCalculator.ItemFact;
import io.zhenggai.reporting.progress.ProgressCalculator.Transition;
import io.zhenggai.reporting.progress.ProgressQueries.*;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.reporting.progress.RoundQueries.*;
import org.axonframework.queryhandling.QueryHandler;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers the progress queries from the {@code progress_*} tables; the figures come from {@link ProgressCalculator}. */
@Component
class ProgressQueryHandler {

    private static final Map<String, String> PLAN_LABELS = Map.of(
            "NONE", "尚未启动整改",
            "DRAFT", "整改方案起草中",
            "ADOPTED", "整改方案已通过");
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /**
     * The regulation links that concern an inspection: those naming it, and those naming only a finding that belongs
     * to exactly one inspection — this one. The finance context attributes them the same way, so the dashboard states
     * the same "健全完善制度N项" as the finance API.
     */
    private static final String LINKS_OF_INSPECTION = """
            select l.regulation_id, coalesce(v.version_number, l.version_number) as number
            from progress_regulation_link l
            left join progress_regulation_version v on v.version_id = l.version_id
            where l.inspection_id = :insp
               or (l.inspection_id is null and l.finding_id is not null
                   and (select count(*) from progress_finding f where f.finding_id = l.finding_id) = 1
                   and exists (select 1 from progress_finding f where f.finding_id = l.finding_id and f.inspection_id = :insp))
            order by l.rule_book_id, l.seq, l.idx""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    private final ScopeVisibility visibility;

    ProgressQueryHandler(JdbcClient jdbc, ObjectMapper json, Clock clock, ObjectProvider<ScopeVisibility> visibility) {
        this.visibility = ScopeVisibility.of(visibility);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Header(String inspectionId, String roundId, String body, String unit, String status, LocalDate fieldworkStart,
                          LocalDate fieldworkEnd, LocalDate feedbackDate, String rectificationId, String officeName,
                          boolean planAdopted, String planTitle, String planDocument, LocalDate planAdoptedDate,
                          InspectionKind kind, InspectionForm form, InspectionLevel level, LocalDate asOfDate) {

        String statusLabel() {
            return kind.statusLabel(status);
        }

        String planStatus() {
            return rectificationId == null ? "NONE" : planAdopted ? "ADOPTED" : "DRAFT";
        }
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
        List<ItemFact> items = items("where inspection_id = :id and not removed", q.inspectionId()).getOrDefault(q.inspectionId(), List.of());
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
                .query((rs, n) -> new FindingFact(rs.getString("finding_id"), rs.getString("category_id"), rs.getInt("ordinal"),
                        rs.getString("title"), rs.getString("source") == null ? null : FindingSource.valueOf(rs.getString("source"))))
                .list();
        LocalDate start = ProgressCalculator.seriesStart(h.feedbackDate(), items);
        return new InspectionProgress(h.inspectionId(), h.roundId(), h.body(), h.unit(), h.status(), h.statusLabel(),
                h.fieldworkStart(), h.fieldworkEnd(), h.feedbackDate(), h.rectificationId(), h.officeName(), h.planStatus(),
                PLAN_LABELS.get(h.planStatus()), h.planTitle(), h.planDocument(), h.planAdoptedDate(), today, wd,
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
                regulations(q.inspectionId()),
                money(List.of(q.inspectionId())).getOrDefault(q.inspectionId(), moneyTotals(Map.of())),
                accountability(h.rectificationId()),
                meetings(h.rectificationId()),
                h.kind(), h.form(), h.level(), h.kind().terms(), h.asOfDate(),
                processMetrics(h.rectificationId()));
    }

    @QueryHandler
    ProgressOverview handle(ListInspectionProgressQuery q) {
        LocalDate today = BusinessDates.judgedOn(q.today(), null, clock);
        int wd = q.warningDays();
        // only the inspections the caller's grants reach (ADR 0031), in the totals as in the page
        Visibility seen = visibility.current();
        String scoped = " and " + Visibility.namedPredicate("inspection_id");
        Map<String, List<ItemFact>> allItems = q.roundId() == null ? items("where not removed" + scoped, null, seen)
                : items("where not removed and " + IN_ROUND + scoped, q.roundId(), seen);
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
            money = money(ids);
        }
        List<InspectionSummary> summaries = new ArrayList<>();
        for (Header h : page) {
            MoneyTotals m = money.getOrDefault(h.inspectionId(), moneyTotals(Map.of()));
            LocalDate judgedOn = BusinessDates.judgedOn(q.today(), h.asOfDate(), clock);
            summaries.add(new InspectionSummary(h.inspectionId(), h.roundId(), h.body(), h.unit(), h.status(),
                    h.statusLabel(), h.feedbackDate(), h.planStatus(), PLAN_LABELS.get(h.planStatus()),
                    findings.getOrDefault(h.inspectionId(), 0),
                    ProgressCalculator.totals(allItems.getOrDefault(h.inspectionId(), List.of()), judgedOn, wd),
                    regulations(h.inspectionId()).count(), m.total(), m.totalWanYuanText(),
                    h.rectificationId() == null ? 0 : accountability.getOrDefault(h.rectificationId(), 0),
                    h.rectificationId() == null ? 0 : meetings.getOrDefault(h.rectificationId(), 0),
                    h.kind(), h.kind().terms(), h.asOfDate(), judgedOn));
        }
        return new ProgressOverview(today, wd, (int) total, rectifications, overall, summaries, q.page(), q.size(), total,
                InspectionKind.eitherTerms());
    }

    // ---------------------------------------------------------------- rounds

    /** The inspections of round {@code :round}, or all when it is null. */
    private static final String ROUND_FILTER = " where (cast(:round as varchar) is null or round_id = :round)";
    /** An item or finding row of an inspection of round {@code :id}. */
    private static final String IN_ROUND = "inspection_id in (select inspection_id from progress_inspection where round_id = :id)";

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
        Map<String, List<ItemFact>> items = items("where not removed and " + IN_ROUND, q.roundId());
        Map<String, List<FindingFact>> findings = new HashMap<>();
        jdbc.sql("select * from progress_finding where not withdrawn and " + IN_ROUND + " order by inspection_id, category_id, ordinal")
                .param("id", q.roundId())
                .query((rs, n) -> findings.computeIfAbsent(rs.getString("inspection_id"), k -> new ArrayList<>())
                        .add(new FindingFact(rs.getString("finding_id"), rs.getString("category_id"), rs.getInt("ordinal"),
                                rs.getString("title"),
                                rs.getString("source") == null ? null : FindingSource.valueOf(rs.getString("source")))))
                .list();
        Map<String, MoneyTotals> money = headers.isEmpty() ? Map.of() : money(headers.stream().map(Header::inspectionId).toList());

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
            RegulationTotals regs = regulations(h.inspectionId());
            sums[0] += regs.count();
            sums[1] += regs.enacted();
            sums[2] += regs.revised();
            MeetingTotals mt = meetings(h.rectificationId());
            sums[3] += mt.count();
            mt.byKind().forEach(k -> meetingsByKind.merge(k.kind(), k.count(), Integer::sum));
            AccountabilityTotals at = accountability(h.rectificationId());
            sums[4] += at.records();
            accountabilityByUnit.addAll(at.byKind());
            MoneyTotals m = money.getOrDefault(h.inspectionId(), moneyTotals(Map.of()));
            m.byKind().forEach(k -> moneyByKind.merge(k.kind(), new KindSum(k.amount(), k.count()),
                    (a, b) -> new KindSum(a.amount().add(b.amount()), a.count() + b.count())));
            List<ProcessMetricCount> pm = processMetrics(h.rectificationId());
            metrics.addAll(pm);
            units.add(new RoundUnit(h.inspectionId(), h.body(), h.unit(), h.status(), h.statusLabel(),
                    h.feedbackDate(), h.planStatus(), PLAN_LABELS.get(h.planStatus()), ProgressCalculator.findingTotals(fc),
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

    /** 过程性指标 of a rectification, summed by kind through the ledger arithmetic. */
    private List<ProcessMetricCount> processMetrics(String rectificationId) {
        if (rectificationId == null) {
            return List.of();
        }
        return ProcessMetrics.byKind(jdbc.sql("select kind, meeting_kind, count from progress_process_metric where rectification_id = :r")
                .param("r", rectificationId)
                .query((rs, n) -> new ProcessMetrics.Fact(ProcessMetricKind.valueOf(rs.getString("kind")),
                        rs.getString("meeting_kind") == null ? null : MeetingKind.valueOf(rs.getString("meeting_kind")),
                        rs.getInt("count")))
                .list());
    }

    // ---------------------------------------------------------------- parts

    private Map<String, List<ItemFact>> items(String where, String inspectionId) {
        return items(where, inspectionId, null);
    }

    /** As {@link #items(String, String)}, binding the parameters of a {@link Visibility#namedPredicate} when given. */
    private Map<String, List<ItemFact>> items(String where, String inspectionId, Visibility seen) {
        Map<String, List<ItemFact>> byInspection = new LinkedHashMap<>();
        var sql = jdbc.sql("select * from progress_item " + where + " order by inspection_id, ordinal");
        if (inspectionId != null) {
            sql = sql.param("id", inspectionId);
        }
        if (seen != null) {
            sql = sql.params(seen.namedArgs());
        }
        sql.query((rs, n) -> {
            ItemFact item = new ItemFact(rs.getString("item_id"), rs.getInt("ordinal"), rs.getString("title"),
                    ItemKind.valueOf(rs.getString("kind")), strings(rs.getString("finding_ids")),
                    ItemStatus.valueOf(rs.getString("status")), CloseOffState.valueOf(rs.getString("close_off")),
                    date(rs, "original_due_date"), date(rs, "current_due_date"), rs.getInt("extensions"),
                    date(rs, "overdue_since"), rs.getString("leader_id"), rs.getString("leader_name"),
                    rs.getString("department"), date(rs, "since_date"));
            byInspection.computeIfAbsent(rs.getString("inspection_id"), k -> new ArrayList<>()).add(item);
            return item;
        }).list();
        return byInspection;
    }

    private RegulationTotals regulations(String inspectionId) {
        record LinkRow(String regulationId, int number) {
        }
        List<LinkRow> rows = jdbc.sql(LINKS_OF_INSPECTION).param("insp", inspectionId)
                .query((rs, n) -> new LinkRow(rs.getString("regulation_id"), rs.getInt("number"))).list();
        Map<String, Boolean> revisedByRegulation = new LinkedHashMap<>();
        rows.forEach(r -> revisedByRegulation.merge(r.regulationId(), r.number() > 1, Boolean::logicalOr));
        List<RegulationRef> items = new ArrayList<>();
        revisedByRegulation.forEach((regulationId, revised) -> jdbc.sql("select title, area from progress_regulation where regulation_id = :id")
                .param("id", regulationId)
                .query((rs, n) -> {
                    RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                    VersionKind kind = revised ? VersionKind.REVISED : VersionKind.ENACTED;
                    return new RegulationRef(regulationId, rs.getString("title"), area, area.label(), kind, kind.label());
                })
                .optional().ifPresent(items::add));
        int enacted = (int) items.stream().filter(i -> i.kind() == VersionKind.ENACTED).count();
        int revised = items.size() - enacted;
        return new RegulationTotals(items.size(), enacted, revised,
                "健全完善制度" + items.size() + "项（制定" + enacted + "项、修订" + revised + "项）", items);
    }

    private record KindSum(BigDecimal amount, int count) {
    }

    private Map<String, MoneyTotals> money(List<String> inspectionIds) {
        Map<String, Map<MoneyOutcomeKind, KindSum>> sums = new HashMap<>();
        jdbc.sql("""
                        select inspection_id, kind, sum(amount) as amount, count(*) as n from progress_money_outcome
                        where inspection_id in (:ids) group by inspection_id, kind""")
                .param("ids", inspectionIds)
                .query((rs, n) -> sums.computeIfAbsent(rs.getString("inspection_id"), k -> new EnumMap<>(MoneyOutcomeKind.class))
                        .put(MoneyOutcomeKind.valueOf(rs.getString("kind")), new KindSum(rs.getBigDecimal("amount"), rs.getInt("n"))))
                .list();
        Map<String, MoneyTotals> result = new HashMap<>();
        sums.forEach((id, byKind) -> result.put(id, moneyTotals(byKind)));
        return result;
    }

    private static MoneyTotals moneyTotals(Map<MoneyOutcomeKind, KindSum> byKind) {
        List<MoneyKindTotal> kinds = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (MoneyOutcomeKind kind : MoneyOutcomeKind.values()) {
            KindSum s = byKind.getOrDefault(kind, new KindSum(BigDecimal.ZERO.setScale(2), 0));
            kinds.add(new MoneyKindTotal(kind, kind.label(), s.amount(), ProgressCalculator.wanYuan(s.amount()),
                    ProgressCalculator.wanYuanText(s.amount()), s.count()));
            total = total.add(s.amount());
        }
        return new MoneyTotals(kinds, total, ProgressCalculator.wanYuan(total), ProgressCalculator.wanYuanText(total));
    }

    private AccountabilityTotals accountability(String rectificationId) {
        List<Accountability.Fact> facts = rectificationId == null ? List.of() : jdbc.sql("""
                        select kind, persons, persons_not_counted from progress_accountability where rectification_id = :r""")
                .param("r", rectificationId)
                .query((rs, n) -> new Accountability.Fact(AccountabilityKind.valueOf(rs.getString("kind")), rs.getInt("persons"),
                        rs.getBoolean("persons_not_counted")))
                .list();
        List<AccountabilityCount> byKind = Accountability.byKind(facts);
        return new AccountabilityTotals(byKind, Accountability.total(byKind), facts.size());
    }

    private MeetingTotals meetings(String rectificationId) {
        List<MeetingRef> items = rectificationId == null ? List.of() : jdbc.sql("""
                        select * from progress_meeting where rectification_id = :r order by meeting_date, meeting_id""")
                .param("r", rectificationId)
                .query((rs, n) -> {
                    MeetingKind kind = MeetingKind.valueOf(rs.getString("kind"));
                    return new MeetingRef(rs.getString("meeting_id"), kind, kind.label(), date(rs, "meeting_date"),
                            rs.getString("title"), rs.getInt("claims"));
                })
                .list();
        List<MeetingKindCount> byKind = Arrays.stream(MeetingKind.values())
                .map(k -> new MeetingKindCount(k, k.label(), (int) items.stream().filter(m -> m.kind() == k).count()))
                .filter(c -> c.count() > 0)
                .sorted(Comparator.comparingInt(MeetingKindCount::count).reversed())
                .toList();
        return new MeetingTotals(items.size(), byKind, items);
    }

    private static Header header(ResultSet rs) throws SQLException {
        return new Header(rs.getString("inspection_id"), rs.getString("round_id"), rs.getString("inspecting_body"),
                rs.getString("inspected_unit"), rs.getString("status"), date(rs, "fieldwork_start"), date(rs, "fieldwork_end"),
                date(rs, "feedback_date"), rs.getString("rectification_id"), rs.getString("office_name"),
                rs.getBoolean("plan_adopted"), rs.getString("plan_title"), rs.getString("plan_document"),
                date(rs, "plan_adopted_date"), InspectionKind.valueOf(rs.getString("kind")),
                rs.getString("form") == null ? null : InspectionForm.valueOf(rs.getString("form")),
                rs.getString("level") == null ? null : InspectionLevel.valueOf(rs.getString("level")), date(rs, "as_of_date"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private List<String> strings(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable finding ids", e);
        }
    }
}
