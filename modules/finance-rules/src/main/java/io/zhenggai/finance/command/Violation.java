package io.zhenggai.finance.command;

import io.zhenggai.api.finance.FinanceCommands.EscalateViolationCommand;
import io.zhenggai.api.finance.FinanceCommands.ResolveViolationCommand;
import io.zhenggai.api.finance.FinanceEvents.MoneyOutcomeRecordedEvent;
import io.zhenggai.api.finance.FinanceEvents.ViolationEscalatedEvent;
import io.zhenggai.api.finance.FinanceEvents.ViolationResolvedEvent;
import io.zhenggai.api.finance.FinanceValues.Breach;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.ViolationResolution;
import io.zhenggai.platform.domain.BusinessDates;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One rule broken by one expense (an {@code @AggregateMember} of {@link RuleBook}), born with the expense's
 * verdict. It is escalated to a rectification at most once and resolved at most once; money returned on its
 * resolution becomes a money outcome of the book.
 */
final class Violation {

    enum Status { OPEN, ESCALATED, RESOLVED }

    @EntityId
    final String violationId;
    final Breach breach;
    final RuleBook.Expense expense;
    private Status status = Status.OPEN;
    private String inspectionId;

    Violation(Breach breach, RuleBook.Expense expense) {
        this.violationId = breach.violationId();
        this.breach = breach;
        this.expense = expense;
    }

    String inspectionId() {
        return inspectionId;
    }

    void escalate(String ruleBookId, String unit, EscalateViolationCommand cmd, Clock clock) {
        requireState(status == Status.OPEN, "VIOLATION_NOT_OPEN",
                "违规问题" + violationId + (status == Status.ESCALATED ? "已移交整改" : "已处理") + "，不能再移交");
        LocalDate date = cmd.date() != null ? cmd.date() : LocalDate.now(clock);
        BusinessDates.requireNotInFuture(date, clock, "移交日期");
        String description = RuleText.notBlank(cmd.description()) ? cmd.description().strip() : breach.description();
        apply(new ViolationEscalatedEvent(ruleBookId, unit, violationId, cmd.inspectionId().strip(),
                RuleText.trimOrNull(cmd.findingId()), description, breach.amountAtStake(), date, expense.expenseId(),
                expense.facts().date(), expense.facts().amount(), expense.facts().category(), expense.payee(),
                breach.regulationId(), breach.regulationTitle(), breach.versionId(), breach.versionNumber(), breach.area(),
                breach.ruleType(), breach.description()));
    }

    /** Resolves the violation; {@code outcomeTaken} tells whether a money outcome id is already used in the book. */
    void resolve(String ruleBookId, String unit, ResolveViolationCommand cmd, Clock clock, Predicate<String> outcomeTaken) {
        requireState(status != Status.RESOLVED, "VIOLATION_RESOLVED", "违规问题" + violationId + "已处理");
        BusinessDates.requireNotInFuture(cmd.date(), clock, "处理日期");
        require(!cmd.date().isBefore(expense.facts().date()), "RESOLVED_BEFORE_EXPENSE",
                "处理日期（" + cmd.date() + "）不能早于支出日期（" + expense.facts().date() + "）");
        BigDecimal returned = null;
        MoneyOutcomeKind kind = null;
        String outcomeId = null;
        if (cmd.resolution() == ViolationResolution.MONEY_RETURNED) {
            returned = Yuan.requirePositive(cmd.amountReturned(), "amountReturned", "退回金额");
            require(cmd.moneyKind() != null, "MONEY_KIND_REQUIRED", "资金退回须注明类别（追缴、清退、追回个人承担或挽回损失）");
            kind = cmd.moneyKind();
            outcomeId = RuleText.notBlank(cmd.outcomeId()) ? cmd.outcomeId() : violationId + "-M";
            requireState(!outcomeTaken.test(outcomeId), "MONEY_OUTCOME_EXISTS", "资金记录已存在：" + outcomeId);
        } else {
            require(cmd.amountReturned() == null, "AMOUNT_NOT_EXPECTED", "只有“资金已退回”的处理方式才登记退回金额");
        }
        if (cmd.resolution() == ViolationResolution.DISMISSED) {
            require(RuleText.notBlank(cmd.note()), "NOTE_REQUIRED", "认定不构成违规必须说明理由");
        }
        apply(new ViolationResolvedEvent(ruleBookId, unit, violationId, cmd.resolution(), cmd.date(),
                RuleText.trimOrNull(cmd.note()), returned, kind, outcomeId, inspectionId));
        if (returned != null) {
            apply(new MoneyOutcomeRecordedEvent(ruleBookId, unit, outcomeId, kind, returned, cmd.date(), inspectionId,
                    violationId, breach.area(), "违规问题" + violationId + "整改退回资金"
                    + (RuleText.notBlank(cmd.note()) ? "：" + cmd.note().strip() : "")));
        }
    }

    /** Value equality: the state sourced from the same events is equal (the fixture compares them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Violation v && violationId.equals(v.violationId) && breach.equals(v.breach)
                && expense.equals(v.expense) && status == v.status && Objects.equals(inspectionId, v.inspectionId);
    }

    @Override
    public int hashCode() {
        return violationId.hashCode();
    }

    // ---- event sourcing (events of this violation only) -------------------------------------------------------

    @EventSourcingHandler
    void on(ViolationEscalatedEvent e) {
        status = Status.ESCALATED;
        inspectionId = e.inspectionId();
    }

    @EventSourcingHandler
    void on(ViolationResolvedEvent e) {
        status = Status.RESOLVED;
    }
}
