package io.zhenggai.finance.command;

import io.zhenggai.api.finance.RuleBookIds;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.FinanceCommands.*;
import io.zhenggai.api.finance.FinanceEvents.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.ViolationResolution;
import io.zhenggai.finance.command.ExpenseChecker.ExpenseFacts;
import io.zhenggai.finance.command.RegulationRecord.VersionRecord;
import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
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

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 制度台账: the rule book of one unit. It holds every version of every regulation of the unit, so an expense is
 * judged inside this one aggregate against exactly the versions in force on the expense's date as the book
 * stands at that moment (a concurrent revision is serialised by the aggregate's sequence; see ADR 0010).
 * It also keeps the unit's verdicts, violations and money outcomes.
 * <p>Invariants: versions of a regulation never overlap (a revision starts after the current version started;
 * a repeal after the last version started); an effective date in the past needs a reason; an expense is judged
 * once, when recorded, and never re-judged (a re-check is a recorded what-if); a violation is escalated at most
 * once and resolved at most once; amounts are positive yuan with at most 2 decimals.
 * Command handlers return the book's new version (the HTTP ETag), or the verdict with it.
 */
@Aggregate
class RuleBook {

    @AggregateIdentifier
    private String ruleBookId;
    private String unit;
    private final Map<String, RegulationRecord> regulations = new LinkedHashMap<>();
    private final Set<String> links = new HashSet<>();
    private final Map<String, ExpenseState> expenses = new LinkedHashMap<>();
    private final Set<String> recheckIds = new HashSet<>();
    private final Map<String, ViolationState> violations = new LinkedHashMap<>();
    private final Set<String> moneyOutcomeIds = new HashSet<>();

    private record ExpenseState(String expenseId, ExpenseFacts facts, String payee, Verdict verdict) {
    }

    private static final class ViolationState {
        final String violationId;
        final String expenseId;
        final Breach breach;
        String status = "OPEN";
        String inspectionId;

        ViolationState(String violationId, String expenseId, Breach breach) {
            this.violationId = violationId;
            this.expenseId = expenseId;
            this.breach = breach;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ViolationState v && violationId.equals(v.violationId) && expenseId.equals(v.expenseId)
                    && breach.equals(v.breach) && status.equals(v.status) && Objects.equals(inspectionId, v.inspectionId);
        }

        @Override
        public int hashCode() {
            return violationId.hashCode();
        }
    }

    protected RuleBook() {
        // required by Axon
    }

    // ---- regulations ----------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(EnactRegulationCommand cmd, Clock clock) {
        requireUnit(cmd.ruleBookId(), cmd.unit());
        require(notBlank(cmd.regulationId()), "REGULATION_ID_REQUIRED", "制度编号不能为空");
        require(notBlank(cmd.title()), "TITLE_REQUIRED", "制度名称不能为空");
        require(cmd.area() != null, "AREA_REQUIRED", "制度所属领域不能为空");
        requireState(!regulations.containsKey(cmd.regulationId()), "REGULATION_EXISTS", "制度已存在：" + cmd.regulationId());
        String title = cmd.title().strip();
        regulations.values().stream()
                .filter(r -> !r.repealed() && r.title.equals(title))
                .findFirst()
                .ifPresent(r -> requireState(false, "REGULATION_TITLE_EXISTS",
                        "本单位已有现行制度" + title + "（" + r.regulationId + "），请修订该制度而不是重新制定"));
        String reason = backdatingReason(cmd.effectiveFrom(), cmd.backdatingReason(), clock);
        List<ExpenseRule> rules = RuleDefinitions.requireValid(cmd.rules());
        List<AnswerLink> answers = requireLinks(cmd.answers());
        openIfNew(cmd.ruleBookId(), cmd.unit());
        apply(new RegulationEnactedEvent(ruleBookId, unit, cmd.regulationId(), title, cmd.area(),
                RegulationRecord.versionId(cmd.regulationId(), 1), 1, trimOrNull(cmd.documentNumber()), cmd.effectiveFrom(),
                trimOrNull(cmd.summary()), reason, rules, answers));
        return getVersion();
    }

    @CommandHandler
    Long handle(ReviseRegulationCommand cmd, Clock clock) {
        RegulationRecord regulation = regulation(cmd.regulationId());
        requireState(!regulation.repealed(), "REGULATION_REPEALED",
                "制度" + regulation.title + "已于" + regulation.repealedFrom() + "废止，不能修订");
        require(notBlank(cmd.changeSummary()), "CHANGE_SUMMARY_REQUIRED", "修订必须说明修订内容");
        VersionRecord current = regulation.latest();
        require(cmd.effectiveFrom() != null, "EFFECTIVE_DATE_REQUIRED", "生效日期不能为空");
        requireState(cmd.effectiveFrom().isAfter(current.effectiveFrom()), "VERSION_OVERLAP",
                "新版本的生效日期（" + cmd.effectiveFrom() + "）必须晚于现行第" + current.number() + "版的生效日期（"
                        + current.effectiveFrom() + "）：同一制度的各版本不能重叠");
        String reason = backdatingReason(cmd.effectiveFrom(), cmd.backdatingReason(), clock);
        List<ExpenseRule> rules = RuleDefinitions.requireValid(cmd.rules());
        List<AnswerLink> answers = requireLinks(cmd.answers());
        int number = current.number() + 1;
        apply(new RegulationRevisedEvent(ruleBookId, unit, regulation.regulationId, regulation.title, regulation.area,
                RegulationRecord.versionId(regulation.regulationId, number), number, current.versionId(),
                trimOrNull(cmd.documentNumber()), cmd.effectiveFrom(), cmd.changeSummary().strip(), reason, rules, answers));
        return getVersion();
    }

    @CommandHandler
    Long handle(RepealRegulationCommand cmd) {
        RegulationRecord regulation = regulation(cmd.regulationId());
        requireState(!regulation.repealed(), "REGULATION_REPEALED",
                "制度" + regulation.title + "已于" + regulation.repealedFrom() + "废止");
        require(cmd.effectiveFrom() != null, "EFFECTIVE_DATE_REQUIRED", "废止日期不能为空");
        require(notBlank(cmd.reason()), "REASON_REQUIRED", "废止制度必须说明理由");
        VersionRecord current = regulation.latest();
        requireState(cmd.effectiveFrom().isAfter(current.effectiveFrom()), "REPEAL_BEFORE_VERSION",
                "废止日期（" + cmd.effectiveFrom() + "）必须晚于现行第" + current.number() + "版的生效日期（"
                        + current.effectiveFrom() + "）");
        apply(new RegulationRepealedEvent(ruleBookId, unit, regulation.regulationId, regulation.title, current.versionId(),
                cmd.effectiveFrom(), cmd.reason().strip()));
        return getVersion();
    }

    @CommandHandler
    Long handle(LinkRegulationCommand cmd) {
        RegulationRecord regulation = regulation(cmd.regulationId());
        String versionId = null;
        if (cmd.versionNumber() != null) {
            versionId = regulation.version(cmd.versionNumber())
                    .orElseThrow(() -> new NotFoundException("regulation version",
                            RegulationRecord.versionId(regulation.regulationId, cmd.versionNumber())))
                    .versionId();
        }
        AnswerLink link = requireLinks(cmd.link() == null ? null : List.of(cmd.link())).get(0);
        requireState(!links.contains(linkKey(regulation.regulationId, versionId, link)), "LINK_EXISTS", "该关联已存在");
        apply(new RegulationLinkedEvent(ruleBookId, unit, regulation.regulationId, versionId, regulation.latest().number(), link));
        return getVersion();
    }

    // ---- expenses -------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CheckOutcome handle(RecordExpenseCommand cmd, Clock clock) {
        requireUnit(cmd.ruleBookId(), cmd.unit());
        require(notBlank(cmd.expenseId()), "EXPENSE_ID_REQUIRED", "支出编号不能为空");
        requireState(!expenses.containsKey(cmd.expenseId()), "EXPENSE_EXISTS", "支出已登记：" + cmd.expenseId());
        BusinessDates.requireNotInFuture(cmd.date(), clock, "支出日期");
        BigDecimal amount = Yuan.requirePositive(cmd.amount(), "amount", "支出金额");
        require(cmd.category() != null, "CATEGORY_REQUIRED", "支出类别不能为空");
        require(cmd.guests() == null || cmd.guests() >= 0, "COUNT_NEGATIVE", "接待对象人数不能为负数");
        require(cmd.staff() == null || cmd.staff() >= 0, "COUNT_NEGATIVE", "陪同人员人数不能为负数");
        List<ExpenseItem> items = new ArrayList<>();
        List<ExpenseItem> given = cmd.items() == null ? List.of() : cmd.items();
        for (int i = 0; i < given.size(); i++) {
            ExpenseItem item = given.get(i);
            require(item != null && notBlank(item.name()), "ITEM_INVALID", "items[" + i + "].name 不能为空");
            items.add(new ExpenseItem(item.name().strip(), Yuan.requirePositive(item.amount(), "items[" + i + "].amount", "科目金额")));
        }
        if (!items.isEmpty()) {
            BigDecimal sum = items.stream().map(ExpenseItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            require(sum.compareTo(amount) == 0, "ITEMS_SUM_MISMATCH",
                    "各科目金额合计（" + Yuan.text(sum) + "）与支出金额（" + Yuan.text(amount) + "）不一致");
        }
        List<Approval> approvals = cmd.approvals() == null ? List.of() : List.copyOf(cmd.approvals());
        for (int i = 0; i < approvals.size(); i++) {
            Approval a = approvals.get(i);
            require(a != null && notBlank(a.approver()) && a.date() != null, "APPROVAL_INVALID",
                    "approvals[" + i + "] 须写明批准单位和批准日期");
        }
        List<DocumentRef> documents = cmd.documents() == null ? List.of() : List.copyOf(cmd.documents());
        for (int i = 0; i < documents.size(); i++) {
            require(documents.get(i) != null && notBlank(documents.get(i).kind()), "DOCUMENT_INVALID",
                    "documents[" + i + "].kind 不能为空");
        }
        ExpenseFacts facts = new ExpenseFacts(cmd.date(), amount, cmd.category(), cmd.guests(), cmd.staff(), documents,
                approvals, items, trimOrNull(cmd.procedure()));
        ExpenseChecker.Result result = ExpenseChecker.check(facts, versionsInForce(cmd.date()));
        List<Breach> breaches = new ArrayList<>();
        for (int i = 0; i < result.breaches().size(); i++) {
            breaches.add(result.breaches().get(i).withViolationId(cmd.expenseId() + "-V" + (i + 1)));
        }
        openIfNew(cmd.ruleBookId(), cmd.unit());
        apply(new ExpenseRecordedEvent(ruleBookId, unit, cmd.expenseId(), cmd.date(), amount, cmd.category(),
                trimOrNull(cmd.payee()), trimOrNull(cmd.description()), cmd.guests(), cmd.staff(), documents, approvals,
                List.copyOf(items), facts.procedure()));
        apply(new ExpenseCheckedEvent(ruleBookId, unit, cmd.expenseId(), cmd.expenseId(), cmd.date(), amount,
                cmd.category(), result.verdict(), result.appliedVersions(), List.copyOf(breaches)));
        return new CheckOutcome(getVersion(), cmd.expenseId(), cmd.expenseId(), cmd.date(), result.verdict(),
                result.appliedVersions(), List.copyOf(breaches));
    }

    @CommandHandler
    CheckOutcome handle(RecheckExpenseCommand cmd, Clock clock) {
        ExpenseState expense = expenses.get(cmd.expenseId());
        if (expense == null) {
            throw new NotFoundException("expense", cmd.expenseId());
        }
        require(notBlank(cmd.recheckId()), "RECHECK_ID_REQUIRED", "复核编号不能为空");
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
        ViolationState v = violation(cmd.violationId());
        requireState(v.status.equals("OPEN"), "VIOLATION_NOT_OPEN",
                "违规问题" + v.violationId + (v.status.equals("ESCALATED") ? "已移交整改" : "已处理") + "，不能再移交");
        require(notBlank(cmd.inspectionId()), "INSPECTION_REQUIRED", "移交整改必须指明" + InspectionKind.EITHER);
        LocalDate date = cmd.date() != null ? cmd.date() : LocalDate.now(clock);
        BusinessDates.requireNotInFuture(date, clock, "移交日期");
        ExpenseState expense = expenses.get(v.expenseId);
        Breach b = v.breach;
        String description = notBlank(cmd.description()) ? cmd.description().strip() : b.description();
        apply(new ViolationEscalatedEvent(ruleBookId, unit, v.violationId, cmd.inspectionId().strip(),
                trimOrNull(cmd.findingId()), description, b.amountAtStake(), date, v.expenseId, expense.facts().date(),
                expense.facts().amount(), expense.facts().category(), expense.payee(), b.regulationId(),
                b.regulationTitle(), b.versionId(), b.versionNumber(), b.area(), b.ruleType(), b.description()));
        return getVersion();
    }

    @CommandHandler
    Long handle(ResolveViolationCommand cmd, Clock clock) {
        ViolationState v = violation(cmd.violationId());
        requireState(!v.status.equals("RESOLVED"), "VIOLATION_RESOLVED", "违规问题" + v.violationId + "已处理");
        require(cmd.resolution() != null, "RESOLUTION_REQUIRED", "处理方式不能为空");
        BusinessDates.requireNotInFuture(cmd.date(), clock, "处理日期");
        ExpenseState expense = expenses.get(v.expenseId);
        require(!cmd.date().isBefore(expense.facts().date()), "RESOLVED_BEFORE_EXPENSE",
                "处理日期（" + cmd.date() + "）不能早于支出日期（" + expense.facts().date() + "）");
        BigDecimal returned = null;
        MoneyOutcomeKind kind = null;
        String outcomeId = null;
        if (cmd.resolution() == ViolationResolution.MONEY_RETURNED) {
            returned = Yuan.requirePositive(cmd.amountReturned(), "amountReturned", "退回金额");
            require(cmd.moneyKind() != null, "MONEY_KIND_REQUIRED", "资金退回须注明类别（追缴、清退、追回个人承担或挽回损失）");
            kind = cmd.moneyKind();
            outcomeId = notBlank(cmd.outcomeId()) ? cmd.outcomeId() : v.violationId + "-M";
            requireState(!moneyOutcomeIds.contains(outcomeId), "MONEY_OUTCOME_EXISTS", "资金记录已存在：" + outcomeId);
        } else {
            require(cmd.amountReturned() == null, "AMOUNT_NOT_EXPECTED", "只有“资金已退回”的处理方式才登记退回金额");
        }
        if (cmd.resolution() == ViolationResolution.DISMISSED) {
            require(notBlank(cmd.note()), "NOTE_REQUIRED", "认定不构成违规必须说明理由");
        }
        apply(new ViolationResolvedEvent(ruleBookId, unit, v.violationId, cmd.resolution(), cmd.date(), trimOrNull(cmd.note()),
                returned, kind, outcomeId, v.inspectionId));
        if (returned != null) {
            apply(new MoneyOutcomeRecordedEvent(ruleBookId, unit, outcomeId, kind, returned, cmd.date(), v.inspectionId,
                    v.violationId, v.breach.area(), "违规问题" + v.violationId + "整改退回资金"
                    + (notBlank(cmd.note()) ? "：" + cmd.note().strip() : "")));
        }
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Long handle(RecordMoneyOutcomeCommand cmd, Clock clock) {
        requireUnit(cmd.ruleBookId(), cmd.unit());
        require(notBlank(cmd.outcomeId()), "OUTCOME_ID_REQUIRED", "资金记录编号不能为空");
        requireState(!moneyOutcomeIds.contains(cmd.outcomeId()), "MONEY_OUTCOME_EXISTS", "资金记录已存在：" + cmd.outcomeId());
        require(cmd.kind() != null, "MONEY_KIND_REQUIRED", "资金类别不能为空");
        BigDecimal amount = Yuan.requirePositive(cmd.amount(), "amount", "金额");
        BusinessDates.requireNotInFuture(cmd.date(), clock, "日期");
        String inspectionId = trimOrNull(cmd.inspectionId());
        RegulationArea area = cmd.area();
        if (notBlank(cmd.violationId())) {
            ViolationState v = violation(cmd.violationId());
            if (inspectionId == null) {
                inspectionId = v.inspectionId;
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
        for (RegulationRecord r : regulations.values()) {
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

    private static String backdatingReason(LocalDate effectiveFrom, String reason, Clock clock) {
        require(effectiveFrom != null, "EFFECTIVE_DATE_REQUIRED", "生效日期不能为空");
        if (effectiveFrom.isBefore(LocalDate.now(clock))) {
            require(notBlank(reason), "BACKDATING_REASON_REQUIRED",
                    "生效日期（" + effectiveFrom + "）早于今天，必须说明追溯生效（或补录历史制度）的理由");
            return reason.strip();
        }
        return null;
    }

    private static List<AnswerLink> requireLinks(List<AnswerLink> answers) {
        if (answers == null) {
            return List.of();
        }
        List<AnswerLink> result = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            AnswerLink a = answers.get(i);
            require(a != null && (notBlank(a.findingId()) || notBlank(a.rectificationItemId())), "LINK_TARGET_REQUIRED",
                    "answers[" + i + "] 必须指明所对应的问题（findingId）或整改事项（rectificationItemId）");
            result.add(new AnswerLink(trimOrNull(a.inspectionId()), trimOrNull(a.findingId()), trimOrNull(a.rectificationItemId())));
        }
        require(result.size() == new HashSet<>(result).size(), "LINK_DUPLICATE", "关联重复");
        return List.copyOf(result);
    }

    private static String linkKey(String regulationId, String versionId, AnswerLink link) {
        return regulationId + "|" + versionId + "|" + link.inspectionId() + "|" + link.findingId() + "|" + link.rectificationItemId();
    }

    private RegulationRecord regulation(String regulationId) {
        RegulationRecord r = regulations.get(regulationId);
        if (r == null) {
            throw new NotFoundException("regulation", regulationId);
        }
        return r;
    }

    private ViolationState violation(String violationId) {
        ViolationState v = violations.get(violationId);
        if (v == null) {
            throw new NotFoundException("violation", violationId);
        }
        return v;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String trimOrNull(String s) {
        return notBlank(s) ? s.strip() : null;
    }

    // ---- event sourcing -------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(RuleBookOpenedEvent e) {
        ruleBookId = e.ruleBookId();
        unit = e.unit();
    }

    @EventSourcingHandler
    void on(RegulationEnactedEvent e) {
        RegulationRecord r = new RegulationRecord(e.regulationId(), e.title(), e.area());
        r.addVersion(new VersionRecord(e.versionId(), e.versionNumber(), e.effectiveFrom(), e.rules()));
        regulations.put(e.regulationId(), r);
        e.answers().forEach(a -> links.add(linkKey(e.regulationId(), e.versionId(), a)));
    }

    @EventSourcingHandler
    void on(RegulationRevisedEvent e) {
        regulations.get(e.regulationId()).addVersion(new VersionRecord(e.versionId(), e.versionNumber(), e.effectiveFrom(), e.rules()));
        e.answers().forEach(a -> links.add(linkKey(e.regulationId(), e.versionId(), a)));
    }

    @EventSourcingHandler
    void on(RegulationRepealedEvent e) {
        regulations.get(e.regulationId()).repeal(e.effectiveFrom());
    }

    @EventSourcingHandler
    void on(RegulationLinkedEvent e) {
        links.add(linkKey(e.regulationId(), e.versionId(), e.link()));
    }

    @EventSourcingHandler
    void on(ExpenseRecordedEvent e) {
        expenses.put(e.expenseId(), new ExpenseState(e.expenseId(), new ExpenseFacts(e.date(), e.amount(), e.category(),
                e.guests(), e.staff(), e.documents(), e.approvals(), e.items(), e.procedure()), e.payee(), null));
    }

    @EventSourcingHandler
    void on(ExpenseCheckedEvent e) {
        ExpenseState s = expenses.get(e.expenseId());
        expenses.put(e.expenseId(), new ExpenseState(s.expenseId(), s.facts(), s.payee(), e.verdict()));
        for (Breach b : e.breaches()) {
            violations.put(b.violationId(), new ViolationState(b.violationId(), e.expenseId(), b));
        }
    }

    @EventSourcingHandler
    void on(ExpenseRecheckedEvent e) {
        recheckIds.add(e.recheckId());
    }

    @EventSourcingHandler
    void on(ViolationEscalatedEvent e) {
        ViolationState v = violations.get(e.violationId());
        v.status = "ESCALATED";
        v.inspectionId = e.inspectionId();
    }

    @EventSourcingHandler
    void on(ViolationResolvedEvent e) {
        violations.get(e.violationId()).status = "RESOLVED";
    }

    @EventSourcingHandler
    void on(MoneyOutcomeRecordedEvent e) {
        moneyOutcomeIds.add(e.outcomeId());
    }

}
