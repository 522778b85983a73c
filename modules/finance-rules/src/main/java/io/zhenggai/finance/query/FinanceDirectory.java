package io.zhenggai.finance.query;

import io.zhenggai.api.finance.FinanceEvents.*;
import io.zhenggai.api.finance.FinanceQueries.FindRuleBookQuery;
import io.zhenggai.api.finance.FinanceQueries.RuleBookRef;
import io.zhenggai.api.finance.FinanceValues.Breach;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which unit's rule book holds a regulation, an expense, a violation or a money outcome. Runs in a
 * <em>subscribing</em> processor (see {@link FinanceProcessingConfig}): it writes in the transaction that stores
 * the events, so a command that names only an id can be routed to its rule book at once, and a failure here
 * (an id already used in another unit's book) rolls the command back.
 */
@Component
@ProcessingGroup(FinanceDirectory.GROUP)
class FinanceDirectory {

    static final String GROUP = "finance-directory";

    static final String REGULATION = "regulation";
    static final String EXPENSE = "expense";
    static final String VIOLATION = "violation";
    static final String MONEY_OUTCOME = "money-outcome";

    private final JdbcClient jdbc;

    FinanceDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RegulationEnactedEvent e) {
        register(REGULATION, e.regulationId(), e.ruleBookId(), e.unit());
    }

    @EventHandler
    void on(ExpenseRecordedEvent e) {
        register(EXPENSE, e.expenseId(), e.ruleBookId(), e.unit());
    }

    @EventHandler
    void on(ExpenseCheckedEvent e) {
        for (Breach b : e.breaches()) {
            register(VIOLATION, b.violationId(), e.ruleBookId(), e.unit());
        }
    }

    @EventHandler
    void on(MoneyOutcomeRecordedEvent e) {
        register(MONEY_OUTCOME, e.outcomeId(), e.ruleBookId(), e.unit());
    }

    @QueryHandler
    RuleBookRef handle(FindRuleBookQuery query) {
        return jdbc.sql("select rule_book_id, unit from finance_directory where kind = :kind and entity_id = :id")
                .param("kind", query.kind()).param("id", query.id())
                .query((rs, n) -> new RuleBookRef(rs.getString("rule_book_id"), rs.getString("unit")))
                .optional().orElse(null);
    }

    private void register(String kind, String id, String ruleBookId, String unit) {
        int inserted = jdbc.sql("""
                        insert into finance_directory (kind, entity_id, rule_book_id, unit) values (:kind, :id, :book, :unit)
                        on conflict (kind, entity_id) do nothing""")
                .param("kind", kind).param("id", id).param("book", ruleBookId).param("unit", unit)
                .update();
        if (inserted == 0) {
            String owner = jdbc.sql("select rule_book_id from finance_directory where kind = :kind and entity_id = :id")
                    .param("kind", kind).param("id", id).query(String.class).single();
            if (!owner.equals(ruleBookId)) {
                throw new IllegalStateException(kind + " " + id + " already belongs to " + owner);
            }
        }
    }
}
