package io.zhenggai.reporting.chain;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.reporting.chain.ChainQueries.VerifyChainQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 校验 page (ADR 0053): the verify button recomputes the hash chain over every stored event with the same query as
 * {@code GET /api/audit/verify} and shows the verdict. A read: it changes nothing.
 */
@Controller
@Hidden
class ChainPages {

    private final QueryGateway queries;

    ChainPages(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/workbench/audit/verify")
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    String verify(@RequestParam(required = false) String run, Model model) {
        if (run != null) {
            model.addAttribute("report", queries.query(new VerifyChainQuery(null, null), ChainVerifier.Report.class).join());
        }
        return "audit/verify";
    }
}
