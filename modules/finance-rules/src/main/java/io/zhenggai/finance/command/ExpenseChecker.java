package io.zhenggai.finance.command;

import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.ExpenseRule.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.RegulationArea;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges an expense against rules: pure domain code, no framework, no clock. Given the facts of an expense and
 * the regulation versions in force (already chosen for a date), it returns the verdict, the versions applied
 * and each rule broken with by how much. Deterministic: the same input always gives the same verdict, so a
 * verdict can be reproduced from the events that recorded its input.
 */
final class ExpenseChecker {

    private ExpenseChecker() {
    }

    /** What is known of an expense when it is judged. */
    record ExpenseFacts(
            LocalDate date,
            BigDecimal amount,
            ExpenseCategory category,
            Integer guests,
            Integer staff,
            List<DocumentRef> documents,
            List<Approval> approvals,
            List<ExpenseItem> items,
            String procedure) {

        ExpenseFacts {
            documents = documents == null ? List.of() : List.copyOf(documents);
            approvals = approvals == null ? List.of() : List.copyOf(approvals);
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A regulation version in force, with its rules. */
    record Version(String regulationId, String versionId, int versionNumber, String title, RegulationArea area,
                   LocalDate effectiveFrom, List<ExpenseRule> rules) {
    }

    record Result(Verdict verdict, List<AppliedVersion> appliedVersions, List<Breach> breaches) {
    }

    /** How one rule was broken (before it is tied to its regulation version). */
    record RuleBreak(String expected, String actual, BigDecimal excessAmount, Integer excessPersons,
                     BigDecimal amountAtStake, String description) {
    }

    /**
     * Judges {@code expense} under {@code versions}: only the rules for the expense's category apply. Breaches
     * come in the order of the versions and of the rules within them; their violation ids are left null.
     */
    static Result check(ExpenseFacts expense, List<Version> versions) {
        List<AppliedVersion> applied = new ArrayList<>();
        List<Breach> breaches = new ArrayList<>();
        for (Version v : versions) {
            int checked = 0;
            for (int i = 0; i < v.rules().size(); i++) {
                ExpenseRule rule = v.rules().get(i);
                if (rule.category() != expense.category()) {
                    continue;
                }
                checked++;
                Optional<RuleBreak> broken = check(rule, expense);
                if (broken.isPresent()) {
                    RuleBreak b = broken.get();
                    breaches.add(new Breach(null, v.regulationId(), v.versionId(), v.versionNumber(), v.title(), v.area(),
                            i, rule.ruleType(), rule.label(), b.expected(), b.actual(), b.excessAmount(), b.excessPersons(),
                            b.amountAtStake(), "《" + stripBrackets(v.title()) + "》第" + v.versionNumber() + "版："
                            + b.description()));
                }
            }
            if (checked > 0) {
                applied.add(new AppliedVersion(v.regulationId(), v.versionId(), v.versionNumber(), v.title(), v.area(),
                        v.effectiveFrom(), checked));
            }
        }
        return new Result(breaches.isEmpty() ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT, List.copyOf(applied),
                List.copyOf(breaches));
    }

    /** Checks one rule (whatever its category) against an expense: empty when the rule is kept. */
    static Optional<RuleBreak> check(ExpenseRule rule, ExpenseFacts e) {
        if (rule instanceof PerPersonCap r) {
            return perPersonCap(r, e);
        } else if (rule instanceof Ratio r) {
            return ratio(r, e);
        } else if (rule instanceof RequiredDocument r) {
            return requiredDocument(r, e);
        } else if (rule instanceof ThresholdProcedure r) {
            return thresholdProcedure(r, e);
        } else if (rule instanceof AllowedItems r) {
            return allowedItems(r, e);
        } else if (rule instanceof RequiredApproval r) {
            return requiredApproval(r, e);
        }
        throw new IllegalArgumentException("unknown rule type " + rule.getClass());
    }

    private static Optional<RuleBreak> perPersonCap(PerPersonCap r, ExpenseFacts e) {
        BigDecimal base;
        String what;
        if (r.item() != null && !r.item().isBlank()) {
            List<ExpenseItem> matching = e.items().stream().filter(i -> same(i.name(), r.item())).toList();
            if (matching.isEmpty()) {
                return Optional.empty(); // nothing of that item was spent
            }
            base = matching.stream().map(ExpenseItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            what = r.item().strip();
        } else {
            base = e.amount();
            what = "支出";
        }
        int persons = r.basis() == PersonBasis.GUESTS ? nz(e.guests()) : nz(e.guests()) + nz(e.staff());
        String who = r.basis() == PersonBasis.GUESTS ? "接待对象" : "就餐/参与人员";
        String expected = "人均不超过" + Yuan.text(r.capPerPerson());
        if (persons <= 0) {
            return Optional.of(new RuleBreak(expected, "未登记" + who + "人数", null, null, base,
                    what + Yuan.text(base) + "，未登记" + who + "人数，无法核对人均标准"));
        }
        BigDecimal allowed = r.capPerPerson().multiply(BigDecimal.valueOf(persons));
        if (base.compareTo(allowed) <= 0) {
            return Optional.empty();
        }
        BigDecimal excess = base.subtract(allowed).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal perPerson = base.divide(BigDecimal.valueOf(persons), 2, RoundingMode.HALF_UP);
        return Optional.of(new RuleBreak(expected, "人均" + Yuan.text(perPerson) + "（" + persons + "人）", excess, null, excess,
                what + Yuan.text(base) + "，" + who + persons + "人，人均" + Yuan.text(perPerson) + "，超过标准"
                        + Yuan.text(r.capPerPerson()) + "/人，超出" + Yuan.text(excess)));
    }

    private static Optional<RuleBreak> ratio(Ratio r, ExpenseFacts e) {
        int guests = nz(e.guests());
        int staff = nz(e.staff());
        int allowed = Math.max(r.minimumAllowed() == null ? 0 : r.minimumAllowed(), guests * r.maxStaff() / r.perGuests());
        if (staff <= allowed) {
            return Optional.empty();
        }
        int excess = staff - allowed;
        return Optional.of(new RuleBreak("陪同人员不超过" + allowed + "人", "陪同人员" + staff + "人", null, excess, null,
                "接待对象" + guests + "人，陪同人员" + staff + "人，按每" + r.perGuests() + "名接待对象不超过" + r.maxStaff()
                        + "人" + (r.minimumAllowed() != null && r.minimumAllowed() > 0 ? "（至少可" + r.minimumAllowed() + "人）" : "")
                        + "最多" + allowed + "人，超出" + excess + "人"));
    }

    private static Optional<RuleBreak> requiredDocument(RequiredDocument r, ExpenseFacts e) {
        if (!reaches(e.amount(), r.minAmount())) {
            return Optional.empty();
        }
        if (e.documents().stream().anyMatch(d -> same(d.kind(), r.document()))) {
            return Optional.empty();
        }
        String present = e.documents().isEmpty() ? "无附件"
                : "仅有" + e.documents().stream().map(DocumentRef::kind).collect(Collectors.joining("、"));
        return Optional.of(new RuleBreak("须附" + r.document().strip(), present, null, null, e.amount(),
                "支出" + Yuan.text(e.amount()) + "未附" + r.document().strip()
                        + (r.minAmount() != null ? "（" + Yuan.text(r.minAmount()) + "以上须附）" : "")));
    }

    private static Optional<RuleBreak> thresholdProcedure(ThresholdProcedure r, ExpenseFacts e) {
        if (!reaches(e.amount(), r.threshold())) {
            return Optional.empty();
        }
        if (e.procedure() != null && r.acceptedProcedures().stream().anyMatch(p -> same(p, e.procedure()))) {
            return Optional.empty();
        }
        BigDecimal over = e.amount().subtract(r.threshold()).setScale(2, RoundingMode.UNNECESSARY);
        String accepted = String.join("或", r.acceptedProcedures().stream().map(String::strip).toList());
        String actual = e.procedure() == null || e.procedure().isBlank() ? "未履行程序" : "履行了" + e.procedure().strip();
        return Optional.of(new RuleBreak(Yuan.text(r.threshold()) + "以上须履行" + accepted, actual, over, null, e.amount(),
                "金额" + Yuan.text(e.amount()) + "达到限额" + Yuan.text(r.threshold()) + "（超出" + Yuan.text(over) + "），须履行"
                        + accepted + "，实际" + actual));
    }

    private static Optional<RuleBreak> allowedItems(AllowedItems r, ExpenseFacts e) {
        String allowed = String.join("、", r.items().stream().map(String::strip).toList());
        if (e.items().isEmpty()) {
            return Optional.of(new RuleBreak("列支科目限于：" + allowed, "未列明支出科目", null, null, e.amount(),
                    "支出" + Yuan.text(e.amount()) + "未列明支出科目，无法核对是否属于允许列支范围"));
        }
        List<ExpenseItem> outside = e.items().stream()
                .filter(i -> r.items().stream().noneMatch(a -> same(a, i.name())))
                .toList();
        if (outside.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal excess = outside.stream().map(ExpenseItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        String names = outside.stream().map(i -> i.name().strip() + Yuan.text(i.amount())).collect(Collectors.joining("、"));
        return Optional.of(new RuleBreak("列支科目限于：" + allowed, "超范围列支：" + names, excess, null, excess,
                "超范围列支" + names + "，合计" + Yuan.text(excess)));
    }

    private static Optional<RuleBreak> requiredApproval(RequiredApproval r, ExpenseFacts e) {
        if (!reaches(e.amount(), r.minAmount())) {
            return Optional.empty();
        }
        List<Approval> byApprover = e.approvals().stream().filter(a -> same(a.approver(), r.approver())).toList();
        if (byApprover.stream().anyMatch(a -> a.date() == null || !a.date().isAfter(e.date()))) {
            return Optional.empty();
        }
        String expected = "须经" + r.approver().strip() + "批准";
        if (!byApprover.isEmpty()) {
            LocalDate first = byApprover.stream().map(Approval::date).filter(Objects::nonNull).min(LocalDate::compareTo).orElseThrow();
            return Optional.of(new RuleBreak(expected, "批准日期" + first + "晚于支出日期" + e.date(), null, null, e.amount(),
                    "支出" + Yuan.text(e.amount()) + "于" + e.date() + "支付，" + r.approver().strip() + "的批准（" + first
                            + "）在支付之后，属先支后批"));
        }
        return Optional.of(new RuleBreak(expected, "无" + r.approver().strip() + "批准", null, null, e.amount(),
                "支出" + Yuan.text(e.amount()) + "未经" + r.approver().strip() + "批准"));
    }

    /** Whether {@code amount} reaches {@code threshold} (以上含本数); a null threshold is always reached. */
    private static boolean reaches(BigDecimal amount, BigDecimal threshold) {
        return threshold == null || amount.compareTo(threshold) >= 0;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equals(b.strip());
    }

    private static int nz(Integer n) {
        return n == null ? 0 : n;
    }

    private static String stripBrackets(String title) {
        return title.replace("《", "").replace("》", "");
    }
}
