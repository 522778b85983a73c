package io.zhenggai.finance.command;

import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.ExpenseRule.*;

import java.math.BigDecimal;
import java.util.List;

import static io.zhenggai.platform.domain.RuleViolationException.require;

/**
 * The domain's own check of rule definitions, for commands that do not come through the HTTP API (whose bean
 * validation already refuses the same mistakes with 400 per field). Refuses with 422 naming the field.
 */
final class RuleDefinitions {

    private RuleDefinitions() {
    }

    static List<ExpenseRule> requireValid(List<ExpenseRule> rules) {
        if (rules == null) {
            return List.of();
        }
        for (int i = 0; i < rules.size(); i++) {
            ExpenseRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            require(rule != null, "RULE_INVALID", at + " 不能为空");
            require(rule.category() != null, "RULE_INVALID", at + ".category 不能为空");
            if (rule instanceof PerPersonCap r) {
                amount(r.capPerPerson(), at + ".capPerPerson", true);
                require(r.basis() != null, "RULE_INVALID", at + ".basis 不能为空");
            } else if (rule instanceof Ratio r) {
                require(r.maxStaff() != null && r.maxStaff() >= 1, "RULE_INVALID", at + ".maxStaff 必须至少为1");
                require(r.perGuests() != null && r.perGuests() >= 1, "RULE_INVALID", at + ".perGuests 必须至少为1");
                require(r.minimumAllowed() == null || r.minimumAllowed() >= 0, "RULE_INVALID", at + ".minimumAllowed 不能为负数");
            } else if (rule instanceof RequiredDocument r) {
                text(r.document(), at + ".document");
                amount(r.minAmount(), at + ".minAmount", false);
            } else if (rule instanceof ThresholdProcedure r) {
                amount(r.threshold(), at + ".threshold", true);
                texts(r.acceptedProcedures(), at + ".acceptedProcedures");
            } else if (rule instanceof AllowedItems r) {
                texts(r.items(), at + ".items");
            } else if (rule instanceof RequiredApproval r) {
                text(r.approver(), at + ".approver");
                amount(r.minAmount(), at + ".minAmount", false);
            }
        }
        return List.copyOf(rules);
    }

    private static void amount(BigDecimal value, String field, boolean required) {
        if (value == null) {
            require(!required, "RULE_INVALID", field + " 不能为空");
            return;
        }
        require(required ? value.signum() > 0 : value.signum() >= 0, "RULE_INVALID",
                field + (required ? " 必须大于0" : " 不能为负数"));
        require(value.stripTrailingZeros().scale() <= 2, "RULE_INVALID", field + " 最多保留2位小数");
    }

    private static void text(String value, String field) {
        require(value != null && !value.isBlank(), "RULE_INVALID", field + " 不能为空");
    }

    private static void texts(List<String> values, String field) {
        require(values != null && !values.isEmpty(), "RULE_INVALID", field + " 不能为空");
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), field + "[" + i + "]");
        }
    }
}
