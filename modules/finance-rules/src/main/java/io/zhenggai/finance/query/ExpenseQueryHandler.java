package io.zhenggai.finance.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.zhenggai.finance.query.FinanceRows.*;

/** Answers the queries on expenses: the page of expenses and one expense with its verdict and re-checks. */
@Component
class ExpenseQueryHandler {

    private final JdbcClient jdbc;
    /** Lists show only the rule books of the organisations the caller's grants reach (ADR 0031). */
    private final ScopeVisibility visibility;
    private final ObjectMapper json;

    ExpenseQueryHandler(JdbcClient jdbc, ObjectMapper json, ObjectProvider<ScopeVisibility> visibility) {
        this.jdbc = jdbc;
        this.json = json;
        this.visibility = ScopeVisibility.of(visibility);
    }

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
                            rs.getBoolean("differs_from_binding"), read(json, rs.getString("applied_versions"), APPLIED),
                            read(json, rs.getString("breaches"), BREACHES), instant(rs, "recorded_at"));
                })
                .list();
        return jdbc.sql("select * from finance_expense where expense_id = :id").param("id", q.expenseId())
                .query((rs, n) -> {
                    ExpenseCategory category = ExpenseCategory.valueOf(rs.getString("category"));
                    Verdict verdict = verdict(rs.getString("verdict"));
                    return new ExpenseView(rs.getString("expense_id"), rs.getString("rule_book_id"), rs.getString("unit"),
                            date(rs, "expense_date"), rs.getBigDecimal("amount"), category, category.label(), category.area(),
                            rs.getString("payee"), rs.getString("description"), integer(rs, "guests"), integer(rs, "staff"),
                            read(json, rs.getString("documents"), DOCUMENTS), read(json, rs.getString("approvals"), APPROVALS),
                            read(json, rs.getString("items"), ITEMS), rs.getString("procedure"), rs.getString("check_id"), verdict,
                            verdict == null ? null : verdict.label(), read(json, rs.getString("applied_versions"), APPLIED),
                            read(json, rs.getString("breaches"), BREACHES), rechecks, instant(rs, "recorded_at"));
                })
                .optional().orElse(null);
    }
}
