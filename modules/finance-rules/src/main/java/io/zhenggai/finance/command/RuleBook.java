package io.zhenggai.finance.command;

import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.FinanceCommands.*;
import io.zhenggai.api.finance.FinanceEvents.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.RuleBookIds;
import io.zhenggai.finance.command.ExpenseChecker.ExpenseFacts;
import io.zhenggai.finance.command.Regulation.VersionRecord;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.zhenggai.finance.command.RuleText.notBlank;
import static io.zhenggai.finance.command.RuleText.trimOrNull;
import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 制度台账: the rule book of one unit. It holds every version of every regulation of the unit, so an expense is
 * judged inside this one aggregate against exactly the versions in force on the expense's date as the book
 * stands at that moment (a concurrent revision is serialised by the aggregate's sequence; see ADR 0010).
 * It also keeps the unit's verdicts, violations and money outcomes.
 * <p>The book is a root with two kinds of members: {@link Regulation}s (versions, repeal, links) and
 * {@link Violation}s (escalation, resolution). The pure rules live apart: {@link ExpenseFactsRules} (what an
 * expense must state), {@link ExpenseChecker} (the verdict), {@link Backdating}, {@link AnswerLinks},
 * {@link RuleDefinitions}. The root keeps what spans members: a current title used once, the versions in force on
 * a date, expense, re-check and money outcome ids used once.
 * <p>Invariants: versions of a regulation never overlap (a revision starts after the current version started;
 * a repeal after the last version started); an effective date in the past needs a reason; an expense is judged
 * once, when recorded, and never re-judged (a re-check is a recorded what-if); a violation is escalated at most
 * once and resolved at most once; amounts are positive yuan with at most 2 decimals.
 * Command handlers return the book's new version (the HTTP ETag), or the verdict with it.
 */
@Aggregate
class RuleBook {

    /** A recorded expense as the book remembers it: its facts, its payee and the verdict given when it was recorded. */
    record Expense(String expenseId, ExpenseFacts facts, String payee, Verdict verdict) {
    }

    @AggregateIdentifier
    private String ruleBookId;
    private String unit;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Regulation> regulations = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Violation> violations = new LinkedHashMap<>();
    private final Map<String, Expense> expenses = new LinkedHashMap<>();
    private final Set<String> recheckIds = new HashSet<>();
    private final Set<String> moneyOutcomeIds = new HashSet<>();

    protected RuleBook() {
        // required by Axon
    }

    // ---- regulations ----------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(EnactRegulationCommand cmd, Clock clock) {
        requireUnit(cmd.ruleBookId(), cmd.unit());
        requireState(!regulations.containsKey(cmd.regulationId()), "REGULATION_EXISTS", "制度已存在：" + cmd.regulationId());
        String title = cmd.title().strip();
        regulations.values().stream()
                .filter(r -> !r.repealed() && r.title.equals(title))
                .findFirst()
                .ifPresent(r -> requireState(false, "REGULATION_TITLE_EXISTS",
                        "本单位已有现行制度" + title + "（" + r.regulationId + "），请修订该制度而不是重新制定"));
        String reason = Backdating.reason(cmd.effectiveFrom(), cmd.backdatingReason(), clock);
        List<ExpenseRule> rules = RuleDefinitions.requireValid(cmd.rules());
        List<AnswerLink> answers = AnswerLinks.valid(cmd.answers());
        openIfNew(cmd.ruleBookId(), cmd.unit());
        apply(new RegulationEnactedEvent(ruleBookId, unit, cmd.regulationId(), title, cmd.area(),
                Regulation.versionId(cmd.regulationId(), 1), 1, trimOrNull(cmd.documentNumber()), cmd.effectiveFrom(),
                trimOrNull(cmd.summary()), reason, rules, answers));
        return getVersion();
    }

    @CommandHandler
    Long handle(ReviseRegulationCommand cmd, Clock clock) {
        regulation(cmd.regulationId()).revise(ruleBookId, unit, cmd, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(RepealRegulationCommand cmd) {
        regulation(cmd.regulationId()).repeal(ruleBookId, unit, cmd);
        return getVersion();
    }

    @CommandHandler
    Long handle(LinkRegulationCommand cmd) {
        regulation(cmd.regulationId()).link(ruleBookId, unit, cmd);
        return getVersion();
    }

    // ---- expenses -------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CheckOutcome handle(RecordExpenseCommand cmd, Clock clock) {
        requireUnit(cmd.ruleBookId(), cmd.unit());
        requireState(!expenses.containsKey(cmd.expenseId()), "EXPENSE_EXISTS", "支出已登记：" + cmd.expenseId());
        ExpenseFacts facts = ExpenseFactsRules.facts(cmd, clock);
        ExpenseChecker.Result result = ExpenseChecker.check(facts, versionsInForce(cmd.date()));
        List<Breach> breaches = new ArrayList<>();
        for (int i = 0; i < result.breaches().size(); i++) {
            breaches.add(result.breaches().get(i).withViolationId(cmd.expenseId() + "-V" + (i + 1)));
        }
        openIfNew(cmd.ruleBookId(), cmd.unit());
        apply(new ExpenseRecordedEvent(ruleBookId, unit, cmd.expenseId(), facts.date(), facts.amount(), facts.category(),
                trimOrNull(cmd.payee()), trimOrNull(cmd.description()), facts.guests(), facts.staff(), facts.documents(),
                facts.approvals(), facts.items(), facts.procedure()));
        apply(new ExpenseCheckedEvent(ruleBookId, unit, cmd.expenseId(), cmd.expenseId(), facts.date(), facts.amount(),
                facts.category(), result.verdict(), result.appliedVersions(), List.copyOf(breaches)));
        return new CheckOutcome(getVersion(), cmd.expenseId(), cmd.expenseId(), cmd.date(), result.verdict(),
                result.appliedVersions(), List.copyOf(breaches));
    }

    @CommandHandler
    CheckOutcome handle(RecheckExpenseCommand cmd, Clock clock) {
        Expense expense = expenses.get(cmd.expenseId());
        if (expense == null) {
            throw new NotFoundException("expense", cmd.expenseId());
        }
        requireState(!recheckIds.contains(cmd.recheckId()), "RECHECK_EXISTS", "复核已存在：" + cmd.recheckId());
        LocalDate asOf = cmd.asOf() != null ? cmd.asOf() : LocalDate.now(clock);
        ExpenseChecker.Result result = ExpenseChecker.check(expense.facts(), versionsInForce(asOf));
        apply(new ExpenseRecheckedEvent(ruleBookId, unit, expense.expenseId(), cmd.recheckId(), expense.facts().date(), asOf,
                result.verdict(), expense.verdict(), result.verdict() != expense.verdict(), result.appliedVersions(),
                result.breaches()));
        return new CheckOutcome(getVersion(), expense.expenseId(), cmd.recheckId(), asOf, result.verdict(),
                result.appliedVersions(), result.breaches());
    }

    // ---- violations and money -------------------------------------------------------------------------------

    @CommandHandler
    Long handle(EscalateViolationCommand cmd, Clock clock) {
        violation(cmd.violationId()).escalate(ruleBookId, unit, cmd, clock);
        return getVersion();
    }

    @CommandHandler
    Long handle(ResolveViolationCommand cmd, Clock clock) {
        violation(cmd.violationId()).resolve(ruleBookId, unit, cmd, clock, moneyOutcomeIds::contains);
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(RecordMoneyOutcomeCommand cmd, Clock clock) {
        requireUnit(cmd.ruleBookId(), cmd.unit());
        requireState(!moneyOutcomeIds.contains(cmd.outcomeId()), "MONEY_OUTCOME_EXISTS", "资金记录已存在：" + cmd.outcomeId());
        BigDecimal amount = Yuan.requirePositive(cmd.amount(), "amount", "金额");
        BusinessDates.requireNotInFuture(cmd.date(), clock, "日期");
        String inspectionId = trimOrNull(cmd.inspectionId());
        RegulationArea area = cmd.area();
        if (notBlank(cmd.violationId())) {
            Violation v = violation(cmd.violationId());
            if (inspectionId == null) {
                inspectionId = v.inspectionId();
            }
            if (area == null) {
                area = v.breach.area();
            }
        }
        openIfNew(cmd.ruleBookId(), cmd.unit());
        apply(new MoneyOutcomeRecordedEvent(ruleBookId, unit, cmd.outcomeId(), cmd.kind(), amount, cmd.date(), inspectionId,
                trimOrNull(cmd.violationId()), area, trimOrNull(cmd.description())));
        return getVersion();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** The versions in force on {@code date}, in the order the regulations were enacted. */
    private List<ExpenseChecker.Version> versionsInForce(LocalDate date) {
        List<ExpenseChecker.Version> result = new ArrayList<>();
        for (Regulation r : regulations.values()) {
            r.inForceOn(date).ifPresent(v -> result.add(new ExpenseChecker.Version(r.regulationId, v.versionId(), v.number(),
                    r.title, r.area, v.effectiveFrom(), v.rules())));
        }
        return result;
    }

    private void openIfNew(String id, String unitName) {
        if (ruleBookId == null) {
            apply(new RuleBookOpenedEvent(id, RuleBookIds.normalizeUnit(unitName)));
        }
    }

    private void requireUnit(String id, String unitName) {
        require(notBlank(unitName), "UNIT_REQUIRED", "单位不能为空");
        require(Objects.equals(id, RuleBookIds.of(unitName)), "RULE_BOOK_MISMATCH", "制度台账与单位不一致：" + unitName);
    }

    private Regulation regulation(String regulationId) {
        Regulation r = regulations.get(regulationId);
        if (r == null) {
            throw new NotFoundException("regulation", regulationId);
        }
        return r;
    }

    private Violation violation(String violationId) {
        Violation v = violations.get(violationId);
        if (v == null) {
            throw new NotFoundException("violation", violationId);
        }
        return v;
    }

    // ---- event sourcing (the members source their own events) -------------------------------------------------

    @EventSourcingHandler
    void on(RuleBookOpenedEvent e) {
        ruleBookId = e.ruleBookId();
        unit = e.unit();
    }

    @EventSourcingHandler
    void on(RegulationEnactedEvent e) {
        regulations.put(e.regulationId(), new Regulation(e.regulationId(), e.title(), e.area(),
                new VersionRecord(e.versionId(), e.versionNumber(), e.effectiveFrom(), e.rules()), e.answers()));
    }

    @EventSourcingHandler
    void on(ExpenseRecordedEvent e) {
        expenses.put(e.expenseId(), new Expense(e.expenseId(), new ExpenseFacts(e.date(), e.amount(), e.category(),
                e.guests(), e.staff(), e.documents(), e.approvals(), e.items(), e.procedure()), e.payee(), null));
    }

    @EventSourcingHandler
    void on(ExpenseCheckedEvent e) {
        Expense recorded = expenses.get(e.expenseId());
        Expense judged = new Expense(recorded.expenseId(), recorded.facts(), recorded.payee(), e.verdict());
        expenses.put(e.expenseId(), judged);
        for (Breach b : e.breaches()) {
            violations.put(b.violationId(), new Violation(b, judged));
        }
    }

    @EventSourcingHandler
    void on(ExpenseRecheckedEvent e) {
        recheckIds.add(e.recheckId());
    }

    @EventSourcingHandler
    void on(MoneyOutcomeRecordedEvent e) {
        moneyOutcomeIds.add(e.outcomeId());
    }
}
