package io.zhenggai.finance.web;

import io.zhenggai.platform.web.ClientIds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.FinanceCommands.*;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.Verdict;
import io.zhenggai.api.finance.FinanceValues.ViolationStatus;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.RuleBookIds;
import io.zhenggai.finance.query.FinanceProjection;
import io.zhenggai.platform.readside.ReadYourWrites;
import io.zhenggai.finance.web.FinanceRequests.*;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.Found;
import io.zhenggai.platform.web.Answers;
import io.zhenggai.platform.web.IfMatch;
import io.zhenggai.platform.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.time.LocalDate;
import java.util.Map;

/**
 * HTTP API of expenses, their verdicts, violations and money outcomes. {@code FINANCE_OFFICER} records
 * expenses and money outcomes and manages violations; {@code AUDITOR}, {@code UNIT_LEADER}, {@code INSPECTOR},
 * {@code RECTIFIER} and {@code ADMIN} read. Recording an expense answers with its verdict at once.
 */
@RestController
@Validated
@RequestMapping("/api/finance")
@Tag(name = "财务 Expenses, violations, money", description = "Expenses judged under the rules of their date")
class ExpenseController {

    private static final String FINANCE = "hasRole('FINANCE_OFFICER')";
    private static final String READ = RegulationController.READ;

    private final CommandGateway commands;
    private final ReadYourWrites reads;
    private final QueryGateway queries;
    private final RuleBookRouting routing;

    ExpenseController(CommandGateway commands, QueryGateway queries, RuleBookRouting routing, ReadYourWrites reads) {
        this.reads = reads;
        this.commands = commands;
        this.queries = queries;
        this.routing = routing;
    }

    // ---- expenses -------------------------------------------------------------------------------------------

    @PostMapping("/expenses")
    @PreAuthorize(FINANCE)
    @Operation(summary = "登记支出 Record an expense; it is judged under the rules in force on its date")
    ResponseEntity<CheckOutcome> record(@Valid @RequestBody RecordExpenseRequest req) {
        String id = ClientIds.orNew(req.expenseId());
        routing.requireUnused("expense", id);
        CheckOutcome outcome = sent(RuleBookIds.of(req.unit()), new RecordExpenseCommand(RuleBookIds.of(req.unit()), req.unit(), id,
                req.date(), req.amount(), req.category(), req.payee(), req.description(), req.guests(), req.staff(),
                req.documents(), req.approvals(), req.items(), req.procedure()));
        return Versions.created(outcome, "/api/finance/expenses/" + id, outcome.version());
    }

    @GetMapping("/expenses")
    @PreAuthorize(READ)
    @Operation(summary = "支出核查结果 Expenses with their verdicts")
    ExpensePage expenses(@RequestParam(required = false) String unit,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) RegulationArea area,
                         @RequestParam(required = false) ExpenseCategory category,
                         @RequestParam(required = false) Verdict verdict,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.query(new ListExpensesQuery(unit(unit), from, to, area, category, verdict, page, size),
                ExpensePage.class).join();
    }

    @GetMapping("/expenses/{expenseId}")
    @PreAuthorize(READ)
    ExpenseView expense(@PathVariable String expenseId) {
        return Found.orNotFound(queries.query(new FindExpenseQuery(expenseId), ExpenseView.class).join(), "expense", expenseId);
    }

    @PostMapping("/expenses/{expenseId}/rechecks")
    @PreAuthorize(FINANCE)
    @Operation(summary = "按现行制度复核（假设分析） What-if: judge again under the rules in force on asOf (today); changes no verdict")
    ResponseEntity<CheckOutcome> recheck(@PathVariable String expenseId, @Valid @RequestBody(required = false) RecheckRequest req) {
        RuleBookRef book = routing.require("expense", expenseId);
        String recheckId = ClientIds.orNew(req == null ? null : req.recheckId());
        CheckOutcome outcome = sent(book.ruleBookId(), new RecheckExpenseCommand(book.ruleBookId(), expenseId, recheckId,
                req == null ? null : req.asOf()));
        return Versions.created(outcome, "/api/finance/expenses/" + expenseId, outcome.version());
    }

    // ---- violations -----------------------------------------------------------------------------------------

    @GetMapping("/violations")
    @PreAuthorize(READ)
    @Operation(summary = "违规风险台账 Risk register of violations (by expense date)")
    ViolationRegister violations(@RequestParam(required = false) String unit,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) RegulationArea area,
                                 @RequestParam(required = false) ViolationStatus status,
                                 @RequestParam(required = false) String inspectionId) {
        return queries.query(new ListViolationsQuery(unit(unit), from, to, area, status, inspectionId),
                ViolationRegister.class).join();
    }

    @GetMapping("/violations/{violationId}")
    @PreAuthorize(READ)
    ViolationView violation(@PathVariable String violationId) {
        return Found.orNotFound(queries.query(new FindViolationQuery(violationId), ViolationView.class).join(),
                "violation", violationId);
    }

    @PostMapping("/violations/{violationId}/escalation")
    @PreAuthorize(FINANCE)
    @Operation(summary = "移交整改 Escalate a violation to the rectification of an inspection")
    ResponseEntity<Map<String, Object>> escalate(@PathVariable String violationId, @Valid @RequestBody EscalateViolationRequest req,
                                                 @IfMatch Long expectedVersion) {
        RuleBookRef book = routing.require("violation", violationId);
        return Answers.of("violationId", violationId, sent(book.ruleBookId(), new EscalateViolationCommand(book.ruleBookId(),
                violationId, req.inspectionId(), req.findingId(), req.description(), req.date(), expectedVersion))).ok();
    }

    @PostMapping("/violations/{violationId}/resolution")
    @PreAuthorize(FINANCE)
    @Operation(summary = "处理违规 Resolve a violation (money returned, procedure remedied, or dismissed)")
    ResponseEntity<Map<String, Object>> resolve(@PathVariable String violationId, @Valid @RequestBody ResolveViolationRequest req,
                                                @IfMatch Long expectedVersion) {
        RuleBookRef book = routing.require("violation", violationId);
        if (req.outcomeId() != null) {
            routing.requireUnused("money-outcome", req.outcomeId());
        }
        return Answers.of("violationId", violationId, sent(book.ruleBookId(), new ResolveViolationCommand(book.ruleBookId(),
                violationId, req.resolution(), req.date(), req.note(), req.amountReturned(), req.moneyKind(), req.outcomeId(),
                expectedVersion))).ok();
    }

    // ---- money ----------------------------------------------------------------------------------------------

    @PostMapping("/money-outcomes")
    @PreAuthorize(FINANCE)
    @Operation(summary = "登记追缴/清退/追回/挽回资金 Record a money outcome")
    ResponseEntity<Map<String, Object>> recordMoney(@Valid @RequestBody RecordMoneyOutcomeRequest req) {
        String id = ClientIds.orNew(req.outcomeId());
        routing.requireUnused("money-outcome", id);
        if (req.violationId() != null) {
            RuleBookRef book = routing.require("violation", req.violationId());
            if (!book.ruleBookId().equals(RuleBookIds.of(req.unit()))) {
                throw new NotFoundException("violation", req.violationId());
            }
        }
        Object version = sent(RuleBookIds.of(req.unit()), new RecordMoneyOutcomeCommand(RuleBookIds.of(req.unit()), req.unit(), id,
                req.kind(), req.amount(), req.date(), req.inspectionId(), req.violationId(), req.area(), req.description()));
        return Answers.of("outcomeId", id, version).created("/api/finance/money-outcomes");
    }

    @GetMapping("/money-outcomes")
    @PreAuthorize(READ)
    @Operation(summary = "资金追缴清退明细 Money outcomes with totals per kind (yuan and 万元)")
    MoneyOutcomeList money(@RequestParam(required = false) String unit,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) RegulationArea area,
                           @RequestParam(required = false) String inspectionId,
                           @RequestParam(required = false) MoneyOutcomeKind kind) {
        return queries.query(new ListMoneyOutcomesQuery(unit(unit), from, to, area, inspectionId, kind),
                MoneyOutcomeList.class).join();
    }

    enum GroupBy { UNIT, INSPECTION, ROUND }

    @GetMapping("/money-totals")
    @PreAuthorize(READ)
    @Operation(summary = "资金合计 Money totals per unit, per inspection or per round (yuan and 万元)",
            description = "groupBy=ROUND groups by the round of each outcome's inspection; key \"\" holds outcomes without an "
                    + "inspection or whose inspection is in no round.")
    MoneyTotals totals(@RequestParam(defaultValue = "UNIT") GroupBy groupBy,
                       @RequestParam(required = false) String unit,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) RegulationArea area,
                       @RequestParam(required = false) String inspectionId) {
        return queries.query(new FindMoneyTotalsQuery(groupBy.name(), unit(unit), from, to, area, inspectionId),
                MoneyTotals.class).join();
    }

    private static String unit(String unit) {
        return unit == null || unit.isBlank() ? null : RuleBookIds.normalizeUnit(unit);
    }

    /**
     * Sends a command to a rule book and answers once the finance read model shows it (read your writes, ADR 0018):
     * a GET right after the answer sees what the command did.
     */
    private <R> R sent(String ruleBookId, Object command) {
        return reads.sendAndAwait(commands, command, ruleBookId, FinanceProjection.GROUP);
    }
}
