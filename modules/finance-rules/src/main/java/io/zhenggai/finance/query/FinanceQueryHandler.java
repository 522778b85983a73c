package io.zhenggai.finance.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.ViolationResolution;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Answers the finance-rules context's queries from its read model. */
@Component
class FinanceQueryHandler {

    private static final Map<String, String> REGULATION_STATUS = Map.of(
            "PENDING", "尚未生效",
            "IN_FORCE", "现行有效",
            "REPEALED", "已废止");

    private static final TypeReference<List<ExpenseRule>> RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<AppliedVersion>> APPLIED = new TypeReference<>() {
    };
    private static final TypeReference<List<Breach>> BREACHES = new TypeReference<>() {
    };
    private static final TypeReference<List<DocumentRef>> DOCUMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Approval>> APPROVALS = new TypeReference<>() {
    };
    private static final TypeReference<List<ExpenseItem>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    /** Lists show only the rule books of the organisations the caller's grants reach (ADR 0031). */
    private final ScopeVisibility visibility;
    private final ObjectMapper json;
    private final Clock clock;

    FinanceQueryHandler(JdbcClient jdbc, ObjectMapper json, Clock clock, ObjectProvider<ScopeVisibility> visibility) {
        this.visibility = ScopeVisibility.of(visibility);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    // ---- regulations ----------------------------------------------------------------------------------------

    private static final String STATUS_SQL = """
            case when r.repealed_from is not null and r.repealed_from <= :today then 'REPEALED'
                 when r.first_effective_from > :today then 'PENDING'
                 else 'IN_FORCE' end""";

    @QueryHandler
    RegulationList handle(ListRegulationsQuery q) {
        List<RegulationSummary> items = jdbc.sql("""
                        select * from (select r.*, b.version as book_version, %s as status
                                       from finance_regulation r join finance_rule_book b on b.rule_book_id = r.rule_book_id) r
                        where (cast(:unit as varchar) is null or r.unit = :unit)
                          and (cast(:area as varchar) is null or r.area = :area)
                          and (cast(:status as varchar) is null or r.status = :status)
                          and %s
                        order by r.unit, r.area, r.title""".formatted(STATUS_SQL, Visibility.namedPredicate("r.rule_book_id")))
                .param("today", today()).param("unit", q.unit()).param("area", name(q.area())).param("status", q.status())
                .params(visibility.current().namedArgs())
                .query((rs, n) -> {
                    RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                    String status = rs.getString("status");
                    return new RegulationSummary(rs.getString("regulation_id"), rs.getString("unit"), rs.getString("title"),
                            area, area.label(), status, REGULATION_STATUS.get(status), rs.getInt("current_version_number"),
                            date(rs, "first_effective_from"), date(rs, "current_effective_from"), date(rs, "repealed_from"),
                            rs.getLong("book_version"));
                })
                .list();
        return new RegulationList(items);
    }

    @QueryHandler
    RegulationView handle(FindRegulationQuery q) {
        return jdbc.sql("""
                        select r.*, b.version as book_version, %s as status
                        from finance_regulation r join finance_rule_book b on b.rule_book_id = r.rule_book_id
                        where r.regulation_id = :id""".formatted(STATUS_SQL))
                .param("today", today()).param("id", q.regulationId())
                .query((rs, n) -> {
                    RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                    String status = rs.getString("status");
                    return new RegulationView(rs.getString("regulation_id"), rs.getString("rule_book_id"), rs.getString("unit"),
                            rs.getString("title"), area, area.label(), status, REGULATION_STATUS.get(status),
                            date(rs, "repealed_from"), rs.getString("repeal_reason"), rs.getLong("book_version"),
                            versions(q.regulationId()), links(q.regulationId()));
                })
                .optional().orElse(null);
    }

    private List<VersionView> versions(String regulationId) {
        return jdbc.sql("select * from finance_regulation_version where regulation_id = :id order by version_number")
                .param("id", regulationId)
                .query((rs, n) -> {
                    VersionKind kind = VersionKind.valueOf(rs.getString("kind"));
                    return new VersionView(rs.getString("version_id"), rs.getInt("version_number"), kind, kind.label(),
                            rs.getString("document_number"), date(rs, "effective_from"), date(rs, "effective_until"),
                            rs.getString("summary"), rs.getString("backdating_reason"), read(rs.getString("rules"), RULES),
                            instant(rs, "recorded_at"));
                })
                .list();
    }

    private List<LinkView> links(String regulationId) {
        return jdbc.sql("select * from finance_regulation_link where regulation_id = :id order by seq, idx")
                .param("id", regulationId)
                .query((rs, n) -> new LinkView(rs.getString("version_id"), rs.getInt("version_number_at_link"),
                        rs.getString("inspection_id"), rs.getString("finding_id"), rs.getString("rectification_item_id")))
                .list();
    }

    @QueryHandler
    RegulationsInForce handle(FindRegulationsInForceQuery q) {
        List<VersionInForce> items = jdbc.sql("""
                        select r.regulation_id, r.unit, r.title, r.area, v.version_id, v.version_number, v.effective_from,
                               v.effective_until, v.rules
                        from finance_regulation_version v join finance_regulation r on r.regulation_id = v.regulation_id
                        where v.effective_from <= :d and (v.effective_until is null or v.effective_until >= :d)
                          and (r.repealed_from is null or r.repealed_from > :d)
                          and (cast(:unit as varchar) is null or r.unit = :unit)
                          and (cast(:area as varchar) is null or r.area = :area)
                        order by r.unit, r.area, r.title""")
                .param("d", q.date()).param("unit", q.unit()).param("area", name(q.area()))
                .query((rs, n) -> {
                    RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                    return new VersionInForce(rs.getString("regulation_id"), rs.getString("unit"), rs.getString("title"), area,
                            area.label(), rs.getString("version_id"), rs.getInt("version_number"), date(rs, "effective_from"),
                            date(rs, "effective_until"), read(rs.getString("rules"), RULES));
                })
                .list();
        return new RegulationsInForce(q.unit(), q.date(), items);
    }

    /**
     * The regulations linked to an inspection, directly (the link names the inspection) or through a finding
     * that the inspection context published for exactly one inspection. A regulation counts once: as revised
     * (修订) when a linked version (or, for a link to the whole regulation, the latest version when linked) is
     * later than the first, as enacted (制定) otherwise.
     */
    @QueryHandler
    InspectionRegulations handle(FindInspectionRegulationsQuery q) {
        record LinkRow(String regulationId, String versionId, int number, String findingId, String itemId) {
        }
        List<LinkRow> rows = jdbc.sql("""
                        select l.regulation_id, l.version_id, coalesce(v.version_number, l.version_number_at_link) as number,
                               l.finding_id, l.rectification_item_id
                        from finance_regulation_link l
                        left join finance_regulation_version v on v.version_id = l.version_id
                        where l.inspection_id = :insp
                           or (l.inspection_id is null and l.finding_id is not null
                               and (select count(*) from finance_finding_ref f where f.finding_id = l.finding_id) = 1
                               and exists (select 1 from finance_finding_ref f
                                           where f.finding_id = l.finding_id and f.inspection_id = :insp))
                        order by l.rule_book_id, l.seq, l.idx""")
                .param("insp", q.inspectionId())
                .query((rs, n) -> new LinkRow(rs.getString("regulation_id"), rs.getString("version_id"), rs.getInt("number"),
                        rs.getString("finding_id"), rs.getString("rectification_item_id")))
                .list();
        Map<String, List<LinkRow>> byRegulation = new LinkedHashMap<>();
        rows.forEach(r -> byRegulation.computeIfAbsent(r.regulationId(), k -> new ArrayList<>()).add(r));
        List<InspectionRegulation> items = new ArrayList<>();
        for (Map.Entry<String, List<LinkRow>> entry : byRegulation.entrySet()) {
            List<LinkRow> links = entry.getValue();
            VersionKind kind = links.stream().anyMatch(l -> l.number() > 1) ? VersionKind.REVISED : VersionKind.ENACTED;
            Set<String> versionIds = new LinkedHashSet<>();
            Set<String> findings = new LinkedHashSet<>();
            Set<String> itemIds = new LinkedHashSet<>();
            for (LinkRow l : links) {
                if (l.versionId() != null) {
                    versionIds.add(l.versionId());
                }
                if (l.findingId() != null) {
                    findings.add(l.findingId());
                }
                if (l.itemId() != null) {
                    itemIds.add(l.itemId());
                }
            }
            jdbc.sql("select unit, title, area from finance_regulation where regulation_id = :id").param("id", entry.getKey())
                    .query((rs, n) -> {
                        RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
                        return new InspectionRegulation(entry.getKey(), rs.getString("unit"), rs.getString("title"), area,
                                area.label(), kind, kind.label(), List.copyOf(versionIds), List.copyOf(findings),
                                List.copyOf(itemIds));
                    })
                    .optional().ifPresent(items::add);
        }
        int enacted = (int) items.stream().filter(i -> i.kind() == VersionKind.ENACTED).count();
        int revised = items.size() - enacted;
        String label = "健全完善制度" + items.size() + "项（制定" + enacted + "项、修订" + revised + "项）";
        return new InspectionRegulations(q.inspectionId(), items.size(), enacted, revised, label, items);
    }

    // ---- expenses -------------------------------------------------------------------------------------------

    private static final String EXPENSE_FILTER = """
            where (cast(:unit as varchar) is null or unit = :unit)
              and (cast(:from as date) is null or expense_date >= :from)
              and (cast(:to as date) is null or expense_date <= :to)
              and (cast(:area as varchar) is null or area = :area)
              and (cast(:category as varchar) is null or category = :category)
              and (cast(:verdict as varchar) is null or verdict = :verdict)
              and """ + Visibility.namedPredicate("rule_book_id");

    @QueryHandler
    ExpensePage handle(ListExpensesQuery q) {
        long total = jdbc.sql("select count(*) from finance_expense " + EXPENSE_FILTER)
                .params(expenseParams(q)).query(Long.class).single();
        List<ExpenseSummary> items = jdbc.sql("select * from finance_expense " + EXPENSE_FILTER
                        + " order by expense_date desc, recorded_at desc, expense_id limit :size offset :offset")
                .params(expenseParams(q)).param("size", q.size()).param("offset", (long) q.page() * q.size())
                .query((rs, n) -> {
                    ExpenseCategory category = ExpenseCategory.valueOf(rs.getString("category"));
                    Verdict verdict = verdict(rs.getString("verdict"));
                    return new ExpenseSummary(rs.getString("expense_id"), rs.getString("unit"), date(rs, "expense_date"),
                            rs.getBigDecimal("amount"), category, category.label(), category.area(), rs.getString("payee"),
                            verdict, verdict == null ? null : verdict.label(), rs.getInt("breach_count"), instant(rs, "recorded_at"));
                })
                .list();
        return new ExpensePage(items, q.page(), q.size(), total);
    }

    private Map<String, Object> expenseParams(ListExpensesQuery q) {
        Map<String, Object> p = new LinkedHashMap<>(visibility.current().namedArgs());
        p.put("unit", q.unit());
        p.put("from", q.from());
        p.put("to", q.to());
        p.put("area", name(q.area()));
        p.put("category", name(q.category()));
        p.put("verdict", name(q.verdict()));
        return p;
    }

    @QueryHandler
    ExpenseView handle(FindExpenseQuery q) {
        List<RecheckView> rechecks = jdbc.sql("select * from finance_expense_recheck where expense_id = :id order by recorded_at, recheck_id")
                .param("id", q.expenseId())
                .query((rs, n) -> {
                    Verdict v = verdict(rs.getString("verdict"));
                    return new RecheckView(rs.getString("recheck_id"), date(rs, "rules_as_of"), v, v.label(),
                            rs.getBoolean("differs_from_binding"), read(rs.getString("applied_versions"), APPLIED),
                            read(rs.getString("breaches"), BREACHES), instant(rs, "recorded_at"));
                })
                .list();
        return jdbc.sql("select * from finance_expense where expense_id = :id").param("id", q.expenseId())
                .query((rs, n) -> {
                    ExpenseCategory category = ExpenseCategory.valueOf(rs.getString("category"));
                    Verdict verdict = verdict(rs.getString("verdict"));
                    return new ExpenseView(rs.getString("expense_id"), rs.getString("rule_book_id"), rs.getString("unit"),
                            date(rs, "expense_date"), rs.getBigDecimal("amount"), category, category.label(), category.area(),
                            rs.getString("payee"), rs.getString("description"), integer(rs, "guests"), integer(rs, "staff"),
                            read(rs.getString("documents"), DOCUMENTS), read(rs.getString("approvals"), APPROVALS),
                            read(rs.getString("items"), ITEMS), rs.getString("procedure"), rs.getString("check_id"), verdict,
                            verdict == null ? null : verdict.label(), read(rs.getString("applied_versions"), APPLIED),
                            read(rs.getString("breaches"), BREACHES), rechecks, instant(rs, "recorded_at"));
                })
                .optional().orElse(null);
    }

    // ---- violations -----------------------------------------------------------------------------------------

    @QueryHandler
    ViolationRegister handle(ListViolationsQuery q) {
        String filter = """
                where (cast(:unit as varchar) is null or unit = :unit)
                  and (cast(:from as date) is null or expense_date >= :from)
                  and (cast(:to as date) is null or expense_date <= :to)
                  and (cast(:area as varchar) is null or area = :area)
                  and (cast(:insp as varchar) is null or inspection_id = :insp)
                  and """ + Visibility.namedPredicate("rule_book_id");
        Map<String, Object> params = new LinkedHashMap<>(visibility.current().namedArgs());
        params.put("unit", q.unit());
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("area", name(q.area()));
        params.put("insp", q.inspectionId());
        List<ViolationView> items = jdbc.sql("select * from finance_violation " + filter
                        + " and (cast(:status as varchar) is null or status = :status) order by expense_date desc, violation_id")
                .params(params).param("status", name(q.status()))
                .query((rs, n) -> violation(rs))
                .list();
        Map<ViolationStatus, Long> byStatus = new EnumMap<>(ViolationStatus.class);
        jdbc.sql("select status, count(*) as n from finance_violation " + filter + " group by status")
                .params(params)
                .query((rs, n) -> byStatus.put(ViolationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        List<StatusCount> counts = new ArrayList<>();
        for (ViolationStatus s : ViolationStatus.values()) {
            counts.add(new StatusCount(s, s.label(), byStatus.getOrDefault(s, 0L)));
        }
        BigDecimal atStake = items.stream().map(ViolationView::amountAtStake).filter(a -> a != null)
                .reduce(Money.ZERO, BigDecimal::add);
        return new ViolationRegister(items, counts, atStake);
    }

    @QueryHandler
    ViolationView handle(FindViolationQuery q) {
        return jdbc.sql("select * from finance_violation where violation_id = :id").param("id", q.violationId())
                .query((rs, n) -> violation(rs)).optional().orElse(null);
    }

    private static ViolationView violation(ResultSet rs) throws SQLException {
        RegulationArea area = RegulationArea.valueOf(rs.getString("area"));
        ViolationStatus status = ViolationStatus.valueOf(rs.getString("status"));
        String res = rs.getString("resolution");
        ViolationResolution resolution = res == null ? null : ViolationResolution.valueOf(res);
        return new ViolationView(rs.getString("violation_id"), rs.getString("rule_book_id"), rs.getString("unit"),
                rs.getString("expense_id"), date(rs, "expense_date"), rs.getBigDecimal("expense_amount"),
                ExpenseCategory.valueOf(rs.getString("category")), rs.getString("payee"), rs.getString("regulation_id"),
                rs.getString("regulation_title"), rs.getString("version_id"), rs.getInt("version_number"), area, area.label(),
                rs.getString("rule_type"), rs.getString("rule_label"), rs.getString("description"),
                rs.getBigDecimal("excess_amount"), integer(rs, "excess_persons"), rs.getBigDecimal("amount_at_stake"), status,
                status.label(), rs.getString("inspection_id"), rs.getString("finding_id"), date(rs, "escalated_on"),
                rs.getString("escalation_description"), resolution, resolution == null ? null : resolution.label(),
                date(rs, "resolved_on"), rs.getString("resolution_note"), rs.getBigDecimal("amount_returned"),
                instant(rs, "detected_at"));
    }

    // ---- money ----------------------------------------------------------------------------------------------

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

    // ---- helpers --------------------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Verdict verdict(String v) {
        return v == null ? null : Verdict.valueOf(v);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
