package io.zhenggai.finance.command;

import io.zhenggai.api.finance.FinanceCommands.RecordExpenseCommand;
import io.zhenggai.api.finance.FinanceValues.Approval;
import io.zhenggai.api.finance.FinanceValues.DocumentRef;
import io.zhenggai.api.finance.FinanceValues.ExpenseItem;
import io.zhenggai.finance.command.ExpenseChecker.ExpenseFacts;
import io.zhenggai.platform.domain.BusinessDates;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static io.zhenggai.platform.domain.RuleViolationException.require;

/**
 * What an expense must state before it can be judged: a date not in the future, a positive amount in yuan, items
 * that name themselves and add up to the amount, approvals with approver and date, documents with their kind (the
 * category and counts that are not negative are the command's shape, ADR 0046). Pure: the facts it returns are what
 * the checker judges.
 */
final class ExpenseFactsRules {

    private ExpenseFactsRules() {
    }

    static ExpenseFacts facts(RecordExpenseCommand cmd, Clock clock) {
        BusinessDates.requireNotInFuture(cmd.date(), clock, "支出日期");
        BigDecimal amount = Yuan.requirePositive(cmd.amount(), "amount", "支出金额");
        List<ExpenseItem> items = items(cmd.items(), amount);
        return new ExpenseFacts(cmd.date(), amount, cmd.category(), cmd.guests(), cmd.staff(), documents(cmd.documents()),
                approvals(cmd.approvals()), items, RuleText.trimOrNull(cmd.procedure()));
    }

    private static List<ExpenseItem> items(List<ExpenseItem> given, BigDecimal amount) {
        List<ExpenseItem> items = new ArrayList<>();
        List<ExpenseItem> listed = given == null ? List.of() : given;
        for (int i = 0; i < listed.size(); i++) {
            ExpenseItem item = listed.get(i);
            require(item != null && RuleText.notBlank(item.name()), "ITEM_INVALID", "items[" + i + "].name 不能为空");
            items.add(new ExpenseItem(item.name().strip(), Yuan.requirePositive(item.amount(), "items[" + i + "].amount", "科目金额")));
        }
        if (!items.isEmpty()) {
            BigDecimal sum = items.stream().map(ExpenseItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            require(sum.compareTo(amount) == 0, "ITEMS_SUM_MISMATCH",
                    "各科目金额合计（" + Yuan.text(sum) + "）与支出金额（" + Yuan.text(amount) + "）不一致");
        }
        return List.copyOf(items);
    }

    private static List<Approval> approvals(List<Approval> given) {
        List<Approval> approvals = given == null ? List.of() : List.copyOf(given);
        for (int i = 0; i < approvals.size(); i++) {
            Approval a = approvals.get(i);
            require(a != null && RuleText.notBlank(a.approver()) && a.date() != null, "APPROVAL_INVALID",
                    "approvals[" + i + "] 须写明批准单位和批准日期");
        }
        return approvals;
    }

    private static List<DocumentRef> documents(List<DocumentRef> given) {
        List<DocumentRef> documents = given == null ? List.of() : List.copyOf(given);
        for (int i = 0; i < documents.size(); i++) {
            require(documents.get(i) != null && RuleText.notBlank(documents.get(i).kind()), "DOCUMENT_INVALID",
                    "documents[" + i + "].kind 不能为空");
        }
        return documents;
    }
}
