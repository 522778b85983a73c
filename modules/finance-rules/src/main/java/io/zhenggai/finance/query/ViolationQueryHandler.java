package io.zhenggai.finance.query;

import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.ViolationResolution;
import io.zhenggai.platform.security.ScopeVisibility;
import io.zhenggai.platform.security.Visibility;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.zhenggai.finance.query.FinanceRows.*;

/** Answers the queries on violations: the register with its counts by status and one violation. */
@Component
class ViolationQueryHandler {

    private final JdbcClient jdbc;
    /** Lists show only the rule books of the organisations the caller's grants reach (ADR 0031). */
    private final ScopeVisibility visibility;

    ViolationQueryHandler(JdbcClient jdbc, ObjectProvider<ScopeVisibility> visibility) {
        this.jdbc = jdbc;
        this.visibility = ScopeVisibility.of(visibility);
    }

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
}
