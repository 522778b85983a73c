package io.zhenggai.finance.query;

import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.zhenggai.finance.query.FinanceRows.*;

/** Answers the queries on money outcomes (追缴、清退、挽回损失): the list and the totals by unit, inspection or round. */
@Component
class MoneyOutcomeQueryHandler {

    private final JdbcClient jdbc;
    /** Lists show only the rule books of the organisations the caller's grants reach (ADR 0031). */
    private final ScopeVisibility visibility;

    MoneyOutcomeQueryHandler(JdbcClient jdbc, ObjectProvider<ScopeVisibility> visibility) {
        this.jdbc = jdbc;
        this.visibility = ScopeVisibility.of(visibility);
    }

    private static final String MONEY_FILTER = """
            where (cast(:unit as varchar) is null or unit = :unit)
              and (cast(:from as date) is null or outcome_date >= :from)
              and (cast(:to as date) is null or outcome_date <= :to)
              and (cast(:area as varchar) is null or area = :area)
              and (cast(:insp as varchar) is null or inspection_id = :insp)
              and (cast(:kind as varchar) is null or kind = :kind)
              and """ + Visibility.namedPredicate("rule_book_id");

    private Map<String, Object> moneyParams(String unit, LocalDate from, LocalDate to, RegulationArea area,
                                                   String inspectionId, MoneyOutcomeKind kind) {
        Map<String, Object> p = new LinkedHashMap<>(visibility.current().namedArgs());
        p.put("unit", unit);
        p.put("from", from);
        p.put("to", to);
        p.put("area", name(area));
        p.put("insp", inspectionId);
        p.put("kind", name(kind));
        return p;
    }

    @QueryHandler
    MoneyOutcomeList handle(ListMoneyOutcomesQuery q) {
        Map<String, Object> params = moneyParams(q.unit(), q.from(), q.to(), q.area(), q.inspectionId(), q.kind());
        List<MoneyOutcomeView> items = jdbc.sql("select * from finance_money_outcome " + MONEY_FILTER
                        + " order by outcome_date desc, outcome_id")
                .params(params)
                .query((rs, n) -> {
                    MoneyOutcomeKind kind = MoneyOutcomeKind.valueOf(rs.getString("kind"));
                    String area = rs.getString("area");
                    BigDecimal amount = rs.getBigDecimal("amount");
                    return new MoneyOutcomeView(rs.getString("outcome_id"), rs.getString("unit"), kind, kind.label(), amount,
                            Money.wanYuan(amount), date(rs, "outcome_date"), rs.getString("inspection_id"),
                            rs.getString("violation_id"), area == null ? null : RegulationArea.valueOf(area),
                            rs.getString("description"), instant(rs, "recorded_at"));
                })
                .list();
        Map<String, Map<MoneyOutcomeKind, Sum>> grouped = sums("cast('' as varchar)", params);
        Map<MoneyOutcomeKind, Sum> sums = grouped.getOrDefault("", new EnumMap<>(MoneyOutcomeKind.class));
        BigDecimal total = total(sums);
        return new MoneyOutcomeList(items, kindTotals(sums), total, Money.wanYuan(total), Money.wanYuanText(total));
    }

    /** The round of an outcome's inspection, joined for grouping by round (columns renamed: the filter names none of them). */
    private static final String ROUND_JOIN = """
             left join (select inspection_id as round_inspection_id, round_id from finance_inspection_round) r
                on r.round_inspection_id = finance_money_outcome.inspection_id""";

    @QueryHandler
    MoneyTotals handle(FindMoneyTotalsQuery q) {
        String groupBy = "INSPECTION".equalsIgnoreCase(q.groupBy()) ? "INSPECTION"
                : "ROUND".equalsIgnoreCase(q.groupBy()) ? "ROUND" : "UNIT";
        Map<String, Object> params = moneyParams(q.unit(), q.from(), q.to(), q.area(), q.inspectionId(), null);
        // by round: "" holds outcomes without an inspection, or whose inspection is in no round
        Map<String, Map<MoneyOutcomeKind, Sum>> grouped = switch (groupBy) {
            case "INSPECTION" -> sums("coalesce(inspection_id, '')", params);
            case "ROUND" -> sums("coalesce(r.round_id, '')", ROUND_JOIN, params);
            default -> sums("unit", params);
        };
        List<MoneyTotalGroup> groups = new ArrayList<>();
        BigDecimal grand = Money.ZERO;
        for (Map.Entry<String, Map<MoneyOutcomeKind, Sum>> g : grouped.entrySet()) {
            BigDecimal total = total(g.getValue());
            grand = grand.add(total);
            groups.add(new MoneyTotalGroup(g.getKey(), kindTotals(g.getValue()), total, Money.wanYuan(total),
                    Money.wanYuanText(total)));
        }
        return new MoneyTotals(groupBy, groups, grand, Money.wanYuan(grand), Money.wanYuanText(grand));
    }

    private record Sum(BigDecimal amount, long count) {
    }

    /** Exact sums (numeric in PostgreSQL, BigDecimal here) per group key and kind. */
    private Map<String, Map<MoneyOutcomeKind, Sum>> sums(String keyExpression, Map<String, Object> params) {
        return sums(keyExpression, "", params);
    }

    private Map<String, Map<MoneyOutcomeKind, Sum>> sums(String keyExpression, String join, Map<String, Object> params) {
        Map<String, Map<MoneyOutcomeKind, Sum>> result = new TreeMap<>();
        jdbc.sql("select " + keyExpression + " as k, kind, sum(amount) as total, count(*) as n from finance_money_outcome "
                        + join + " " + MONEY_FILTER + " group by 1, 2")
                .params(params)
                .query((rs, n) -> result.computeIfAbsent(rs.getString("k"), k -> new EnumMap<>(MoneyOutcomeKind.class))
                        .put(MoneyOutcomeKind.valueOf(rs.getString("kind")), new Sum(rs.getBigDecimal("total"), rs.getLong("n"))))
                .list();
        return result;
    }

    private static List<KindTotal> kindTotals(Map<MoneyOutcomeKind, Sum> sums) {
        List<KindTotal> totals = new ArrayList<>();
        for (MoneyOutcomeKind kind : MoneyOutcomeKind.values()) {
            Sum s = sums.get(kind);
            BigDecimal amount = Money.yuan(s == null ? null : s.amount());
            totals.add(new KindTotal(kind, kind.label(), amount, Money.wanYuan(amount), Money.wanYuanText(amount),
                    s == null ? 0 : s.count()));
        }
        return totals;
    }

    private static BigDecimal total(Map<MoneyOutcomeKind, Sum> sums) {
        return sums.values().stream().map(s -> Money.yuan(s.amount())).reduce(Money.ZERO, BigDecimal::add);
    }
}
