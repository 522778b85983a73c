package io.zhenggai.api.finance;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Value records shared by the finance commands, events and query results. Amounts are yuan, exact. */
public final class FinanceValues {
    private FinanceValues() {
    }

    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String ID_MESSAGE = "只能包含字母、数字、点、下划线和连字符，最长64个字符";

    /** A document attached to an expense: its kind (公函, 合同, 备案记录, 发票…) and its reference (文号). */
    public record DocumentRef(
            @NotBlank @Size(max = 100) String kind,
            @Size(max = 200) String reference) {
    }

    /** An approval an expense carries: who approved, the reference of the approval, and on which date. */
    public record Approval(
            @NotBlank @Size(max = 100) String approver,
            @Size(max = 200) String reference,
            @NotNull LocalDate date) {
    }

    /** One item (列支科目) of an expense with its amount; the items of an expense add up to its amount. */
    public record ExpenseItem(
            @NotBlank @Size(max = 100) String name,
            @NotNull @DecimalMin(value = "0.01", message = "必须大于0") @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /**
     * What a regulation (or one of its versions) answers: a finding of an inspection and/or a rectification
     * item, by id only (no call into other contexts); the inspection id is optional but lets the per-inspection
     * counts attribute the link without knowing the finding.
     */
    public record AnswerLink(
            @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String inspectionId,
            @Size(max = 64) String findingId,
            @Size(max = 64) String rectificationItemId) {
    }

    /** A regulation version that was in force for an expense's category on the date judged. */
    public record AppliedVersion(
            String regulationId,
            String versionId,
            int versionNumber,
            String title,
            RegulationArea area,
            LocalDate effectiveFrom,
            int rulesChecked) {
    }

    /**
     * One rule broken by an expense: which regulation version and rule, and by how much.
     * {@code excessAmount}: yuan above a cap or threshold (null for a missing document/approval/procedure);
     * {@code excessPersons}: persons above a ratio; {@code amountAtStake}: the money concerned by the breach
     * (the excess for a cap or a disallowed item, the whole expense for a missing document, approval or procedure).
     */
    public record Breach(
            String violationId,
            String regulationId,
            String versionId,
            int versionNumber,
            String regulationTitle,
            RegulationArea area,
            int ruleIndex,
            String ruleType,
            String ruleLabel,
            String expected,
            String actual,
            BigDecimal excessAmount,
            Integer excessPersons,
            BigDecimal amountAtStake,
            String description) {

        /** The same breach under another violation id (null for a what-if re-check). */
        public Breach withViolationId(String id) {
            return new Breach(id, regulationId, versionId, versionNumber, regulationTitle, area, ruleIndex, ruleType,
                    ruleLabel, expected, actual, excessAmount, excessPersons, amountAtStake, description);
        }
    }

    public enum Verdict {
        COMPLIANT("合规"),
        NON_COMPLIANT("违规");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum VersionKind {
        /** 制定: the first version of a regulation. */
        ENACTED("制定"),
        /** 修订: a later version. */
        REVISED("修订");

        private final String label;

        VersionKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ViolationStatus {
        OPEN("待处理"),
        ESCALATED("已移交整改"),
        RESOLVED("已处理");

        private final String label;

        ViolationStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
