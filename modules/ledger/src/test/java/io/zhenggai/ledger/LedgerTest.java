package io.zhenggai.ledger;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.publication.RateStyle;
import io.zhenggai.api.rectification.WarningLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.zhenggai.api.rectification.ItemStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

    static LedgerItem item(String id, ItemStatus status, String... findings) {
        return new LedgerItem(id, ItemKind.TIME_BOUND, status, CloseOffState.NONE, TODAY.plusDays(30), List.of(findings));
    }

    @Test
    void anItemIsDoneWhenCompletedWithItsMechanismEstablishedOrClosedOff() {
        assertThat(Ledger.done(COMPLETED, CloseOffState.NONE)).isTrue();
        assertThat(Ledger.done(LONG_TERM_MECHANISM_ESTABLISHED, CloseOffState.NONE)).isTrue();
        assertThat(Ledger.done(IN_PROGRESS, CloseOffState.CLOSED_OFF)).isTrue();
        assertThat(Ledger.done(BASICALLY_COMPLETED, CloseOffState.REQUESTED)).isFalse();
        assertThat(Ledger.done(NOT_COMPLETED, CloseOffState.NONE)).isFalse();
        assertThat(Ledger.done(null, null)).isFalse();
    }

    @Test
    void basicallyCompletedAndNotCompletedItemsAreNotCountedAsInProgress() {
        List<LedgerItem> items = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            items.add(item("c" + i, COMPLETED));
        }
        items.add(item("b", BASICALLY_COMPLETED));
        items.add(item("n", NOT_COMPLETED));
        ItemCounts c = Ledger.itemCounts(items, TODAY, 10);
        assertThat(c.items()).isEqualTo(19);
        assertThat(c.completed()).isEqualTo(17);
        assertThat(c.basicallyCompleted()).isEqualTo(1);
        assertThat(c.notCompleted()).isEqualTo(1);
        assertThat(c.inProgress()).isZero();
        assertThat(c.notStarted()).isZero();
    }

    @Test
    void aClosedOffItemCountsAsCompletedOnlyAndALongTermItemAlsoAsMechanism() {
        LedgerItem closed = new LedgerItem("x", ItemKind.IMMEDIATE, BASICALLY_COMPLETED, CloseOffState.CLOSED_OFF, null, List.of());
        LedgerItem ongoing = new LedgerItem("y", ItemKind.ONGOING, LONG_TERM_MECHANISM_ESTABLISHED, CloseOffState.REQUESTED, null, List.of());
        ItemCounts c = Ledger.itemCounts(List.of(closed, ongoing), TODAY, 10);
        assertThat(c.completed()).isEqualTo(2);
        assertThat(c.basicallyCompleted()).isZero();
        assertThat(c.longTermMechanism()).isEqualTo(1);
        assertThat(c.closedOff()).isEqualTo(1);
        assertThat(c.closeOffRequested()).isEqualTo(1);
        assertThat(c.completionRate()).isEqualByComparingTo("100");
    }

    @Test
    void warningIsRedPastTheDueDateYellowWithinTheWindowAndNeverForOngoingOrDoneItems() {
        LedgerItem late = new LedgerItem("a", ItemKind.TIME_BOUND, IN_PROGRESS, null, TODAY.minusDays(1), List.of());
        LedgerItem soon = new LedgerItem("b", ItemKind.TIME_BOUND, IN_PROGRESS, null, TODAY.plusDays(10), List.of());
        LedgerItem later = new LedgerItem("c", ItemKind.TIME_BOUND, IN_PROGRESS, null, TODAY.plusDays(11), List.of());
        LedgerItem dueToday = new LedgerItem("d", ItemKind.IMMEDIATE, NOT_STARTED, null, TODAY, List.of());
        LedgerItem ongoing = new LedgerItem("e", ItemKind.ONGOING, IN_PROGRESS, null, TODAY.minusDays(5), List.of());
        LedgerItem doneLate = new LedgerItem("f", ItemKind.TIME_BOUND, COMPLETED, null, TODAY.minusDays(5), List.of());
        assertThat(Ledger.warningLevel(late, TODAY, 10)).isEqualTo(WarningLevel.RED);
        assertThat(Ledger.warningLevel(soon, TODAY, 10)).isEqualTo(WarningLevel.YELLOW);
        assertThat(Ledger.warningLevel(later, TODAY, 10)).isEqualTo(WarningLevel.GREEN);
        assertThat(Ledger.warningLevel(dueToday, TODAY, 10)).isEqualTo(WarningLevel.YELLOW);
        assertThat(Ledger.warningLevel(ongoing, TODAY, 10)).isEqualTo(WarningLevel.GREEN);
        assertThat(Ledger.warningLevel(doneLate, TODAY, 10)).isEqualTo(WarningLevel.GREEN);
        ItemCounts c = Ledger.itemCounts(List.of(late, soon, later, dueToday, ongoing, doneLate), TODAY, 10);
        assertThat(c.overdue()).isEqualTo(1);
        assertThat(c.dueSoon()).isEqualTo(2);
    }

    @Test
    void aFindingTakesItsStatusFromTheItemsServingIt() {
        assertThat(Ledger.findingStatus(List.of())).isEqualTo(FindingStatus.NO_ITEMS);
        assertThat(Ledger.findingStatus(List.of(item("a", COMPLETED), item("b", LONG_TERM_MECHANISM_ESTABLISHED))))
                .isEqualTo(FindingStatus.COMPLETED);
        assertThat(Ledger.findingStatus(List.of(item("a", COMPLETED), item("b", BASICALLY_COMPLETED))))
                .isEqualTo(FindingStatus.BASICALLY_COMPLETED);
        assertThat(Ledger.findingStatus(List.of(item("a", BASICALLY_COMPLETED), item("b", NOT_COMPLETED))))
                .isEqualTo(FindingStatus.NOT_COMPLETED);
        assertThat(Ledger.findingStatus(List.of(item("a", NOT_STARTED), item("b", NOT_STARTED))))
                .isEqualTo(FindingStatus.NOT_STARTED);
        assertThat(Ledger.findingStatus(List.of(item("a", NOT_STARTED), item("b", COMPLETED))))
                .isEqualTo(FindingStatus.IN_PROGRESS);
        assertThat(Ledger.findingStatus(List.of(item("a", BASICALLY_COMPLETED), item("b", IN_PROGRESS))))
                .isEqualTo(FindingStatus.IN_PROGRESS);
    }

    @Test
    void findingTotalsKeepBasicallyCompletedAndNotCompletedApartFromInProgressAndCountSupplementaryFindings() {
        List<LedgerFinding> findings = List.of(
                new LedgerFinding("f1", "c1", null),
                new LedgerFinding("f2", "c1", FindingSource.INSPECTION),
                new LedgerFinding("f3", "c2", null),
                new LedgerFinding("f4", "c2", null),
                new LedgerFinding("s1", "supplementary-public-feedback", FindingSource.PUBLIC_FEEDBACK));
        List<LedgerItem> items = List.of(item("1", COMPLETED, "f1"), item("2", BASICALLY_COMPLETED, "f2"),
                item("3", NOT_COMPLETED, "f3"), item("4", IN_PROGRESS, "s1"));
        FindingCounts c = Ledger.findingCounts(findings, items);
        assertThat(c.findings()).isEqualTo(5);
        assertThat(c.completed()).isEqualTo(1);
        assertThat(c.basicallyCompleted()).isEqualTo(1);
        assertThat(c.notCompleted()).isEqualTo(1);
        assertThat(c.inProgress()).isEqualTo(1);
        assertThat(c.withoutItems()).isEqualTo(1);
        assertThat(c.notStarted()).isZero();
        assertThat(c.supplementary()).isEqualTo(1);
        assertThat(c.completionRate()).isEqualByComparingTo("20");
    }

    @Test
    void ratesAreExactDecimalsAndNullWithoutAWhole() {
        assertThat(Ledger.rate(19, 25)).isEqualTo(new BigDecimal("76"));
        assertThat(Ledger.rate(1, 8)).isEqualTo(new BigDecimal("12.5"));
        assertThat(Ledger.rate(2478, 2500)).isEqualTo(new BigDecimal("99.12"));
        assertThat(Ledger.rate(1, 3)).isEqualTo(new BigDecimal("33.3333333333"));
        assertThat(Ledger.rate(5, 5)).isEqualTo(new BigDecimal("100"));
        assertThat(Ledger.rate(0, 5)).isEqualTo(new BigDecimal("0"));
        assertThat(Ledger.rate(0, 0)).isNull();
    }

    @Test
    void theTextRoundsARateToAWholePercentOrTwoDecimalsAsTheUnitAsks() {
        assertThat(RateStyle.WHOLE_PERCENT.text(Ledger.rate(19, 25))).isEqualTo("76");
        assertThat(RateStyle.WHOLE_PERCENT.text(Ledger.rate(2, 3))).isEqualTo("67");
        assertThat(RateStyle.WHOLE_PERCENT.text(new BigDecimal("76.5"))).isEqualTo("77");
        assertThat(RateStyle.TWO_DECIMALS.text(Ledger.rate(2478, 2500))).isEqualTo("99.12");
        assertThat(RateStyle.TWO_DECIMALS.text(Ledger.rate(19, 25))).isEqualTo("76.00");
        assertThat(RateStyle.TWO_DECIMALS.text(Ledger.rate(1, 3))).isEqualTo("33.33");
        assertThat(RateStyle.TWO_DECIMALS.text(null)).isNull();
        assertThat(RateStyle.orDefault(null)).isEqualTo(RateStyle.WHOLE_PERCENT);
    }

    @Test
    void moneyInWanYuanKeepsTheDecimalsRecordedAndIsNeverRounded() {
        assertThat(WanYuan.text(new BigDecimal("71325.00"))).isEqualTo("7.1325万元");
        assertThat(WanYuan.figure(new BigDecimal("12345.67"))).isEqualTo("1.234567");
        assertThat(WanYuan.figure(new BigDecimal("55000"))).isEqualTo("5.5");
        assertThat(WanYuan.figure(new BigDecimal("1230.00"))).isEqualTo("0.123");
        assertThat(WanYuan.figure(new BigDecimal("1000000.00"))).isEqualTo("100");
        assertThat(WanYuan.figure(BigDecimal.ZERO.setScale(2))).isEqualTo("0");
        assertThat(WanYuan.figure(null)).isEqualTo("0");
        assertThat(WanYuan.of(new BigDecimal("71325.00"))).isEqualTo(new BigDecimal("7.1325"));
    }

    @Test
    void countsAddUpWithTheRateRecomputedFromTheSums() {
        ItemCounts a = Ledger.itemCounts(List.of(item("1", COMPLETED), item("2", IN_PROGRESS)), TODAY, 10);
        ItemCounts b = Ledger.itemCounts(List.of(item("3", COMPLETED), item("4", COMPLETED)), TODAY, 10);
        ItemCounts sum = ItemCounts.sum(List.of(a, b));
        assertThat(sum.items()).isEqualTo(4);
        assertThat(sum.completed()).isEqualTo(3);
        assertThat(sum.completionRate()).isEqualByComparingTo("75");
        assertThat(ItemCounts.sum(List.of()).completionRate()).isNull();
    }
}
