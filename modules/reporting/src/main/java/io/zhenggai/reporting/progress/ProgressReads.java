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
import io.zhenggai.ledger.ProcessMetrics;
import io.zhenggai.reporting.progress.ProgressCalculator.FindingFact;
import io.zhenggai.reporting.progress.ProgressCalculator.ItemFact;
import io.zhenggai.reporting.progress.ProgressQueries.*;
import io.zhenggai.reporting.progress.RoundQueries.*;
import io.zhenggai.platform.security.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row readers the progress query handlers share ({@link InspectionProgressQueryHandler},
 * {@link ProgressOverviewQueryHandler}, {@link RoundQueryHandler}): one reading of each {@code progress_*} table,
 * so every view states the same regulations, money, meetings, accountability and process metrics.
 */
final class ProgressReads {

    static final Map<String, String> PLAN_LABELS = Map.of(
            "NONE", "尚未启动整改",
            "DRAFT", "整改方案起草中",
            "ADOPTED", "整改方案已通过");
    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /**
     * The regulation links that concern an inspection: those naming it, and those naming only a finding that belongs
     * to exactly one inspection — this one. The finance context attributes them the same way, so the dashboard states
     * the same "健全完善制度N项" as the finance API.
     */
    static final String LINKS_OF_INSPECTION = """
            select l.regulation_id, coalesce(v.version_number, l.version_number) as number
            from progress_regulation_link l
            left join progress_regulation_version v on v.version_id = l.version_id
            where l.inspection_id = :insp
               or (l.inspection_id is null and l.finding_id is not null
                   and (select count(*) from progress_finding f where f.finding_id = l.finding_id) = 1
                   and exists (select 1 from progress_finding f where f.finding_id = l.finding_id and f.inspection_id = :insp))
            order by l.rule_book_id, l.seq, l.idx""";

    /** The inspections of round {@code :round}, or all when it is null. */
    static final String ROUND_FILTER = " where (cast(:round as varchar) is null or round_id = :round)";
    /** An item or finding row of an inspection of round {@code :id}. */
    static final String IN_ROUND = "inspection_id in (select inspection_id from progress_inspection where round_id = :id)";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ProgressReads(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Header(String inspectionId, String roundId, String body, String unit, String status, LocalDate fieldworkStart,
                          LocalDate fieldworkEnd, LocalDate feedbackDate, String rectificationId, String officeName,
                          boolean planAdopted, String planTitle, String planDocument, LocalDate planAdoptedDate,
                          InspectionKind kind, InspectionForm form, InspectionLevel level, LocalDate asOfDate) {

        String statusLabel() {
            return kind.statusLabel(status);
        }

        String planStatus() {
            return rectificationId == null ? "NONE" : planAdopted ? "ADOPTED" : "DRAFT";
        }

        String planStatusLabel() {
            return PLAN_LABELS.get(planStatus());
        }
    }

    /** 过程性指标 of a rectification, summed by kind through the ledger arithmetic. */
    List<ProcessMetricCount> processMetrics(String rectificationId) {
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

    Map<String, List<ItemFact>> items(String where, String inspectionId) {
        return items(where, inspectionId, null);
    }

    /** As {@link #items(String, String)}, binding the parameters of a {@link Visibility#namedPredicate} when given. */
    Map<String, List<ItemFact>> items(String where, String inspectionId, Visibility seen) {
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

    static FindingFact finding(ResultSet rs) throws SQLException {
        return new FindingFact(rs.getString("finding_id"), rs.getString("category_id"), rs.getInt("ordinal"),
                rs.getString("title"), rs.getString("source") == null ? null : FindingSource.valueOf(rs.getString("source")));
    }

    RegulationTotals regulations(String inspectionId) {
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

    record KindSum(BigDecimal amount, int count) {
    }

    Map<String, MoneyTotals> money(List<String> inspectionIds) {
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

    /** The money totals of an inspection without money outcomes: every kind at zero. */
    static MoneyTotals noMoney() {
        return moneyTotals(Map.of());
    }

    static MoneyTotals moneyTotals(Map<MoneyOutcomeKind, KindSum> byKind) {
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

    AccountabilityTotals accountability(String rectificationId) {
        List<Accountability.Fact> facts = rectificationId == null ? List.of() : jdbc.sql("""
                        select kind, persons, persons_not_counted from progress_accountability where rectification_id = :r""")
                .param("r", rectificationId)
                .query((rs, n) -> new Accountability.Fact(AccountabilityKind.valueOf(rs.getString("kind")), rs.getInt("persons"),
                        rs.getBoolean("persons_not_counted")))
                .list();
        List<AccountabilityCount> byKind = Accountability.byKind(facts);
        return new AccountabilityTotals(byKind, Accountability.total(byKind), facts.size());
    }

    MeetingTotals meetings(String rectificationId) {
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

    static Header header(ResultSet rs) throws SQLException {
        return new Header(rs.getString("inspection_id"), rs.getString("round_id"), rs.getString("inspecting_body"),
                rs.getString("inspected_unit"), rs.getString("status"), date(rs, "fieldwork_start"), date(rs, "fieldwork_end"),
                date(rs, "feedback_date"), rs.getString("rectification_id"), rs.getString("office_name"),
                rs.getBoolean("plan_adopted"), rs.getString("plan_title"), rs.getString("plan_document"),
                date(rs, "plan_adopted_date"), InspectionKind.valueOf(rs.getString("kind")),
                rs.getString("form") == null ? null : InspectionForm.valueOf(rs.getString("form")),
                rs.getString("level") == null ? null : InspectionLevel.valueOf(rs.getString("level")), date(rs, "as_of_date"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
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
