package io.zhenggai.api.finance;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule that a machine can check against an expense, carried as data by a regulation version (JSON with a
 * {@code type}; no code). Every rule applies to the expenses of one {@link #category()}; {@code label} is the
 * rule in words (e.g. 《公务接待管理办法》第八条 工作餐标准). Amounts are yuan with at most 2 decimals.
 * The constraints are checked when a rule is submitted, so an invalid definition is refused naming the field
 * (e.g. {@code rules[2].capPerPerson}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ExpenseRule.PerPersonCap.class, name = ExpenseRule.PER_PERSON_CAP),
        @JsonSubTypes.Type(value = ExpenseRule.Ratio.class, name = ExpenseRule.RATIO),
        @JsonSubTypes.Type(value = ExpenseRule.RequiredDocument.class, name = ExpenseRule.REQUIRED_DOCUMENT),
        @JsonSubTypes.Type(value = ExpenseRule.ThresholdProcedure.class, name = ExpenseRule.THRESHOLD_PROCEDURE),
        @JsonSubTypes.Type(value = ExpenseRule.AllowedItems.class, name = ExpenseRule.ALLOWED_ITEMS),
        @JsonSubTypes.Type(value = ExpenseRule.RequiredApproval.class, name = ExpenseRule.REQUIRED_APPROVAL)
})
public sealed interface ExpenseRule {

    String PER_PERSON_CAP = "PER_PERSON_CAP";
    String RATIO = "RATIO";
    String REQUIRED_DOCUMENT = "REQUIRED_DOCUMENT";
    String THRESHOLD_PROCEDURE = "THRESHOLD_PROCEDURE";
    String ALLOWED_ITEMS = "ALLOWED_ITEMS";
    String REQUIRED_APPROVAL = "REQUIRED_APPROVAL";

    /** The expense category this rule applies to. */
    ExpenseCategory category();

    /** The rule in words, optional. */
    String label();

    /** The JSON {@code type} of this rule. */
    String ruleType();

    /** Who is counted for a per-person cap. */
    enum PersonBasis { GUESTS, ALL_PERSONS }

    /**
     * 人均标准: the amount (of the items named {@code item}, or of the whole expense when {@code item} is null)
     * divided by the persons counted ({@code basis}) may not exceed {@code capPerPerson}.
     * Example: reception meals at most 120 yuan per guest.
     */
    record PerPersonCap(
            @Size(max = 200) String label,
            @NotNull ExpenseCategory category,
            @Size(max = 100) String item,
            @NotNull @DecimalMin(value = "0.01", message = "必须大于0") @Digits(integer = 13, fraction = 2) BigDecimal capPerPerson,
            @NotNull PersonBasis basis) implements ExpenseRule {
        @Override
        public String ruleType() {
            return PER_PERSON_CAP;
        }
    }

    /**
     * 陪同人数比例: accompanying staff may not exceed {@code maxStaff} per {@code perGuests} guests (rounded down),
     * but {@code minimumAllowed} staff are always allowed. Example: 接待对象10人以内陪餐不超过3人，超过10人的不超过三分之一
     * is {@code maxStaff=1, perGuests=3, minimumAllowed=3}.
     */
    record Ratio(
            @Size(max = 200) String label,
            @NotNull ExpenseCategory category,
            @NotNull @Min(1) @Max(1000) Integer maxStaff,
            @NotNull @Min(1) @Max(1000) Integer perGuests,
            @Min(0) @Max(1000) Integer minimumAllowed) implements ExpenseRule {
        @Override
        public String ruleType() {
            return RATIO;
        }
    }

    /**
     * 必备凭证: an expense (from {@code minAmount} yuan on, or every expense when null) must carry a document of
     * kind {@code document}. Examples: 公函 for a reception, 合同备案记录 for a contract.
     */
    record RequiredDocument(
            @Size(max = 200) String label,
            @NotNull ExpenseCategory category,
            @NotBlank @Size(max = 100) String document,
            @DecimalMin(value = "0.00") @Digits(integer = 13, fraction = 2) BigDecimal minAmount) implements ExpenseRule {
        @Override
        public String ruleType() {
            return REQUIRED_DOCUMENT;
        }
    }

    /**
     * 限额以上须履行程序: an expense of {@code threshold} yuan or more (以上含本数) must have followed one of the
     * {@code acceptedProcedures} (e.g. 政府采购, 公开招标, 询价).
     */
    record ThresholdProcedure(
            @Size(max = 200) String label,
            @NotNull ExpenseCategory category,
            @NotNull @DecimalMin(value = "0.01", message = "必须大于0") @Digits(integer = 13, fraction = 2) BigDecimal threshold,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> acceptedProcedures) implements ExpenseRule {
        @Override
        public String ruleType() {
            return THRESHOLD_PROCEDURE;
        }
    }

    /**
     * 列支科目: every expense item must be one of {@code items} (e.g. the items that funds for non-Party figures
     * may pay for). An expense that lists no item cannot be verified and breaks the rule for its whole amount.
     */
    record AllowedItems(
            @Size(max = 200) String label,
            @NotNull ExpenseCategory category,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> items) implements ExpenseRule {
        @Override
        public String ruleType() {
            return ALLOWED_ITEMS;
        }
    }

    /**
     * 须经批准: an expense (from {@code minAmount} yuan on, or every expense when null) must carry an approval by
     * {@code approver}, dated no later than the expense. Example: special balance funds paid only on the
     * finance bureau's (区财政局) approval.
     */
    record RequiredApproval(
            @Size(max = 200) String label,
            @NotNull ExpenseCategory category,
            @NotBlank @Size(max = 100) String approver,
            @DecimalMin(value = "0.00") @Digits(integer = 13, fraction = 2) BigDecimal minAmount) implements ExpenseRule {
        @Override
        public String ruleType() {
            return REQUIRED_APPROVAL;
        }
    }
}
