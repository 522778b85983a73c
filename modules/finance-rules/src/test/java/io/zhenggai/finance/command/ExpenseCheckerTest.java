package io.zhenggai.finance.command;

import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.ExpenseRule.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.finance.command.ExpenseChecker.ExpenseFacts;
import io.zhenggai.finance.command.ExpenseChecker.RuleBreak;
import io.zhenggai.finance.command.ExpenseChecker.Version;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.zhenggai.api.finance.ExpenseCategory.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The pure checking logic, one fixture set per rule type. */
class ExpenseCheckerTest {

    static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    static ExpenseFacts expense(ExpenseCategory category, String amount) {
        return new ExpenseFacts(DAY, yuan(amount), category, null, null, List.of(), List.of(), List.of(), null);
    }

    static ExpenseFacts reception(String amount, int guests, int staff, List<ExpenseItem> items, List<DocumentRef> docs) {
        return new ExpenseFacts(DAY, yuan(amount), RECEPTION, guests, staff, docs, List.of(), items, null);
    }

    static Optional<RuleBreak> check(ExpenseRule rule, ExpenseFacts e) {
        return ExpenseChecker.check(rule, e);
    }

    @Nested
    class PerPersonCapRule {
        final PerPersonCap mealsPerGuest = new PerPersonCap("工作餐人均标准", RECEPTION, "餐费", yuan("120.00"), PersonBasis.GUESTS);
        final PerPersonCap wholePerAttendee = new PerPersonCap(null, RECEPTION, null, yuan("100"), PersonBasis.ALL_PERSONS);

        @Test
        void keptWhenTheItemPerGuestIsAtTheCap() {
            var e = reception("480.00", 4, 2, List.of(new ExpenseItem("餐费", yuan("480.00"))), List.of());
            assertThat(check(mealsPerGuest, e)).isEmpty();
        }

        @Test
        void brokenByTheExactExcessWhenTheItemPerGuestExceedsTheCap() {
            var e = reception("600.50", 4, 2, List.of(new ExpenseItem("餐费", yuan("500.50")), new ExpenseItem("住宿费", yuan("100.00"))), List.of());
            RuleBreak b = check(mealsPerGuest, e).orElseThrow();
            assertThat(b.excessAmount()).isEqualByComparingTo("20.50");
            assertThat(b.excessAmount().scale()).isEqualTo(2);
            assertThat(b.amountAtStake()).isEqualByComparingTo("20.50");
            assertThat(b.actual()).contains("125.13"); // 500.50 / 4 rounded half up
        }

        @Test
        void notApplicableWhenTheExpenseHasNoSuchItem() {
            var e = reception("900.00", 1, 0, List.of(new ExpenseItem("住宿费", yuan("900.00"))), List.of());
            assertThat(check(mealsPerGuest, e)).isEmpty();
        }

        @Test
        void countsGuestsAndStaffForAllPersons() {
            var e = reception("600.00", 4, 2, List.of(), List.of());
            assertThat(check(wholePerAttendee, e)).isEmpty();
            var over = reception("600.01", 4, 2, List.of(), List.of());
            assertThat(check(wholePerAttendee, over).orElseThrow().excessAmount()).isEqualByComparingTo("0.01");
        }

        @Test
        void brokenWhenNoPersonIsRegistered() {
            var e = reception("300.00", 0, 0, List.of(), List.of());
            RuleBreak b = check(wholePerAttendee, e).orElseThrow();
            assertThat(b.excessAmount()).isNull();
            assertThat(b.description()).contains("未登记");
        }
    }

    @Nested
    class RatioRule {
        /** 接待对象10人以内陪餐不超过3人，超过10人的不超过三分之一. */
        final Ratio accompanying = new Ratio("陪餐人数", RECEPTION, 1, 3, 3);

        @Test
        void minimumAllowanceAppliesToSmallGroups() {
            assertThat(check(accompanying, reception("100", 2, 3, List.of(), List.of()))).isEmpty();
            RuleBreak b = check(accompanying, reception("100", 2, 4, List.of(), List.of())).orElseThrow();
            assertThat(b.excessPersons()).isEqualTo(1);
        }

        @Test
        void ratioRoundsDownForLargeGroups() {
            assertThat(check(accompanying, reception("100", 31, 10, List.of(), List.of()))).isEmpty();
            RuleBreak b = check(accompanying, reception("100", 29, 10, List.of(), List.of())).orElseThrow();
            assertThat(b.excessPersons()).isEqualTo(1); // 29 / 3 = 9 allowed
            assertThat(b.expected()).contains("9");
        }
    }

    @Nested
    class RequiredDocumentRule {
        final RequiredDocument letter = new RequiredDocument("公函", RECEPTION, "公函", null);
        final RequiredDocument filingAbove = new RequiredDocument(null, CONTRACT, "备案记录", yuan("50000"));

        @Test
        void keptWhenTheDocumentIsAttached() {
            assertThat(check(letter, reception("100", 1, 1, List.of(), List.of(new DocumentRef("公函", "统战函〔2024〕3号"))))).isEmpty();
        }

        @Test
        void brokenForTheWholeAmountWhenMissing() {
            RuleBreak b = check(letter, reception("256.00", 1, 1, List.of(), List.of(new DocumentRef("发票", "No.1")))).orElseThrow();
            assertThat(b.amountAtStake()).isEqualByComparingTo("256.00");
            assertThat(b.excessAmount()).isNull();
            assertThat(b.actual()).contains("发票");
        }

        @Test
        void appliesOnlyFromItsMinimumAmount() {
            assertThat(check(filingAbove, expense(CONTRACT, "49999.99"))).isEmpty();
            assertThat(check(filingAbove, expense(CONTRACT, "50000.00"))).isPresent();
        }
    }

    @Nested
    class ThresholdProcedureRule {
        final ThresholdProcedure procurement = new ThresholdProcedure("采购限额", PROCUREMENT, yuan("30000"), List.of("询价", "政府采购"));

        @Test
        void belowTheThresholdNeedsNoProcedure() {
            assertThat(check(procurement, expense(PROCUREMENT, "29999.99"))).isEmpty();
        }

        @Test
        void atTheThresholdTheProcedureIsRequired() {
            RuleBreak b = check(procurement, expense(PROCUREMENT, "30000.00")).orElseThrow();
            assertThat(b.excessAmount()).isEqualByComparingTo("0.00");
            assertThat(b.amountAtStake()).isEqualByComparingTo("30000.00");
        }

        @Test
        void anAcceptedProcedureKeepsTheRuleAndAnotherBreaksIt() {
            var followed = new ExpenseFacts(DAY, yuan("45000.00"), PROCUREMENT, null, null, List.of(), List.of(), List.of(), "询价");
            assertThat(check(procurement, followed)).isEmpty();
            var other = new ExpenseFacts(DAY, yuan("45000.00"), PROCUREMENT, null, null, List.of(), List.of(), List.of(), "直接采购");
            RuleBreak b = check(procurement, other).orElseThrow();
            assertThat(b.excessAmount()).isEqualByComparingTo("15000.00");
            assertThat(b.actual()).contains("直接采购");
        }
    }

    @Nested
    class AllowedItemsRule {
        final AllowedItems nonPartyFunds = new AllowedItems("党外人士工作经费列支范围", NON_PARTY_FUNDS, List.of("调研费", "会议费", "培训费"));

        ExpenseFacts funds(String amount, ExpenseItem... items) {
            return new ExpenseFacts(DAY, yuan(amount), NON_PARTY_FUNDS, null, null, List.of(), List.of(), List.of(items), null);
        }

        @Test
        void keptWhenEveryItemIsAllowed() {
            assertThat(check(nonPartyFunds, funds("800.00", new ExpenseItem("调研费", yuan("500")), new ExpenseItem("会议费", yuan("300"))))).isEmpty();
        }

        @Test
        void brokenBySumOfTheItemsOutsideTheList() {
            RuleBreak b = check(nonPartyFunds, funds("1000.00", new ExpenseItem("调研费", yuan("500.00")),
                    new ExpenseItem("礼品", yuan("320.10")), new ExpenseItem("烟酒", yuan("179.90")))).orElseThrow();
            assertThat(b.excessAmount()).isEqualByComparingTo("500.00");
            assertThat(b.actual()).contains("礼品").contains("烟酒");
        }

        @Test
        void anExpenseWithoutItemsCannotBeVerified() {
            RuleBreak b = check(nonPartyFunds, funds("260.00")).orElseThrow();
            assertThat(b.amountAtStake()).isEqualByComparingTo("260.00");
        }
    }

    @Nested
    class RequiredApprovalRule {
        final RequiredApproval financeBureau = new RequiredApproval("专项结余资金须经区财政局批复", SPECIAL_BALANCE_FUNDS, "区财政局", null);

        ExpenseFacts paid(Approval... approvals) {
            return new ExpenseFacts(DAY, yuan("20000.00"), SPECIAL_BALANCE_FUNDS, null, null, List.of(), List.of(approvals), List.of(), null);
        }

        @Test
        void keptWithTheNamedBodysApprovalOnOrBeforeTheDate() {
            assertThat(check(financeBureau, paid(new Approval("区财政局", "南财〔2024〕8号", DAY)))).isEmpty();
        }

        @Test
        void brokenWithoutIt() {
            RuleBreak b = check(financeBureau, paid(new Approval("部务会", "会议纪要", DAY.minusDays(3)))).orElseThrow();
            assertThat(b.amountAtStake()).isEqualByComparingTo("20000.00");
            assertThat(b.actual()).contains("无区财政局批准");
        }

        @Test
        void brokenWhenApprovedOnlyAfterPayment() {
            RuleBreak b = check(financeBureau, paid(new Approval("区财政局", "南财〔2024〕9号", DAY.plusDays(1)))).orElseThrow();
            assertThat(b.description()).contains("先支后批");
        }
    }

    @Test
    void onlyRulesOfTheExpensesCategoryApplyAndEachBreachNamesItsVersionAndRule() {
        Version reception = new Version("reg-rec", "reg-rec-v2", 2, "《公务接待管理办法》", RegulationArea.RECEPTION, DAY.minusYears(1),
                List.of(new RequiredDocument(null, RECEPTION, "公函", null),
                        new ThresholdProcedure(null, PROCUREMENT, yuan("1"), List.of("询价")),
                        new PerPersonCap(null, RECEPTION, null, yuan("100"), PersonBasis.GUESTS)));
        var result = ExpenseChecker.check(reception("450.00", 3, 1, List.of(), List.of()), List.of(reception));
        assertThat(result.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
        assertThat(result.appliedVersions()).singleElement().satisfies(v -> {
            assertThat(v.versionId()).isEqualTo("reg-rec-v2");
            assertThat(v.rulesChecked()).isEqualTo(2);
        });
        assertThat(result.breaches()).extracting(Breach::ruleIndex).containsExactly(0, 2);
        assertThat(result.breaches()).allSatisfy(b -> {
            assertThat(b.versionId()).isEqualTo("reg-rec-v2");
            assertThat(b.description()).startsWith("《公务接待管理办法》第2版");
        });
        assertThat(result.breaches().get(1).excessAmount()).isEqualByComparingTo("150.00");
    }

    @Test
    void anExpenseWithNoRuleInForceIsCompliant() {
        var result = ExpenseChecker.check(expense(OFFICE, "10.00"), List.of());
        assertThat(result.verdict()).isEqualTo(Verdict.COMPLIANT);
        assertThat(result.appliedVersions()).isEmpty();
    }
}
