package io.zhenggai.finance.web;

import io.zhenggai.api.finance.FinanceQueries.FindRuleBookQuery;
import io.zhenggai.api.finance.FinanceQueries.RuleBookRef;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Finds the rule book that holds an id (404 when none does), or refuses an id already used (409). */
@Component
class RuleBookRouting {

    private final QueryGateway queries;

    RuleBookRouting(QueryGateway queries) {
        this.queries = queries;
    }

    RuleBookRef require(String kind, String id) {
        RuleBookRef ref = find(kind, id);
        if (ref == null) {
            throw new NotFoundException(kind, id);
        }
        return ref;
    }

    void requireUnused(String kind, String id) {
        RuleBookRef ref = find(kind, id);
        if (ref != null) {
            throw RuleViolationException.conflict("ID_TAKEN", "编号" + id + "已被" + ref.unit() + "的" + label(kind) + "使用");
        }
    }

    private RuleBookRef find(String kind, String id) {
        return queries.query(new FindRuleBookQuery(kind, id), RuleBookRef.class).join();
    }

    private static String label(String kind) {
        return switch (kind) {
            case "regulation" -> "制度";
            case "expense" -> "支出";
            case "violation" -> "违规问题";
            default -> "资金记录";
        };
    }
}
