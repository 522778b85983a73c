package io.zhenggai.workbench.finance;

import io.swagger.v3.oas.annotations.Hidden;
import io.zhenggai.api.finance.FinanceCommands.RecheckExpenseCommand;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.Verdict;
import io.zhenggai.api.finance.FinanceValues.ViolationStatus;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.workbench.Forms;
import io.zhenggai.workbench.WorkbenchRoles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * 制度与经费 pages: the regulations with their versions and machine-checked rules, the rules in force on a date,
 * the expenses with the check of each (the versions applied, the breaches) and a what-if re-check as of another
 * date, and the register of violations. Reads through the finance context's queries, which filter by scope.
 */
@Controller
@Hidden
@RequestMapping("/workbench/finance")
class FinancePages {

    /** The processing group of the finance read model (finance's FinanceProjection). */
    static final String FINANCE_GROUP = "finance-projection";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites reads;
    private final Clock clock;

    FinancePages(CommandGateway commands, QueryGateway queries, ReadYourWrites reads, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.clock = clock;
    }

    /** The regulations, and those in force on a date ({@code date}, today by default) for a unit. */
    @GetMapping
    @PreAuthorize(WorkbenchRoles.FINANCE_READ_EXPRESSION)
    String regulations(@RequestParam(required = false) String unit, @RequestParam(required = false) String date, Model model) {
        LocalDate on = parseDate(date, model);
        String u = unit == null || unit.isBlank() ? null : unit.strip();
        RegulationList list = queries.query(new ListRegulationsQuery(null, null, null), RegulationList.class).join();
        model.addAttribute("regulations", list.items());
        model.addAttribute("units", list.items().stream().map(RegulationSummary::unit).distinct().sorted().toList());
        model.addAttribute("unit", u);
        model.addAttribute("date", on);
        if (u != null) {
            model.addAttribute("inForce", queries.query(new FindRegulationsInForceQuery(u, on, null), RegulationsInForce.class).join());
        }
        return "workbench/finance";
    }

    @GetMapping("/regulations/{regulationId}")
    @PreAuthorize(WorkbenchRoles.FINANCE_READ_EXPRESSION)
    String regulation(@PathVariable String regulationId, Model model) {
        model.addAttribute("regulation", Found.orNotFound(queries.query(new FindRegulationQuery(regulationId), RegulationView.class)
                .join(), "regulation", regulationId));
        return "workbench/regulation";
    }

    @GetMapping("/expenses")
    @PreAuthorize(WorkbenchRoles.FINANCE_READ_EXPRESSION)
    String expenses(@RequestParam(required = false) String verdict, @RequestParam(defaultValue = "0") int page, Model model) {
        Verdict v = parse(Verdict.class, verdict);
        int p = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("expenses", queries.query(new ListExpensesQuery(null, null, null, null, null, v, p, 50),
                ExpensePage.class).join());
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("verdict", v);
        return "workbench/expenses";
    }

    @GetMapping("/expenses/{expenseId}")
    @PreAuthorize(WorkbenchRoles.FINANCE_READ_EXPRESSION)
    String expense(@PathVariable String expenseId, Model model) {
        model.addAttribute("expense", expense(expenseId));
        model.addAttribute("today", LocalDate.now(clock));
        return "workbench/expense";
    }

    /** What-if: the expense judged again under the rules in force on another date; recorded, it changes no verdict. */
    @PostMapping("/expenses/{expenseId}/rechecks")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    String recheck(@PathVariable String expenseId, @RequestParam Map<String, String> values, RedirectAttributes redirect) {
        ExpenseView e = expense(expenseId);
        Forms form = new Forms("recheck", values);
        LocalDate asOf = form.date("asOf", "按哪一天的制度", true);
        if (form.send(() -> commands.sendAndWait(new RecheckExpenseCommand(e.ruleBookId(), expenseId, UUID.randomUUID().toString(), asOf)))) {
            reads.await(e.ruleBookId(), FINANCE_GROUP);
        }
        form.flash(redirect, "已按 " + asOf + " 的制度重新检查");
        return "redirect:/workbench/finance/expenses/" + UriUtils.encodePathSegment(expenseId, StandardCharsets.UTF_8);
    }

    @GetMapping("/violations")
    @PreAuthorize(WorkbenchRoles.FINANCE_READ_EXPRESSION)
    String violations(@RequestParam(required = false) String status, Model model) {
        ViolationStatus s = parse(ViolationStatus.class, status);
        model.addAttribute("register", queries.query(new ListViolationsQuery(null, null, null, null, s, null),
                ViolationRegister.class).join());
        model.addAttribute("statuses", ViolationStatus.values());
        model.addAttribute("status", s);
        return "workbench/violations";
    }

    private ExpenseView expense(String expenseId) {
        return Found.orNotFound(queries.query(new FindExpenseQuery(expenseId), ExpenseView.class).join(), "expense", expenseId);
    }

    private LocalDate parseDate(String date, Model model) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("dateError", "日期无效（格式：年-月-日），已按今天显示");
            return LocalDate.now(clock);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
