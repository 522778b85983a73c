package io.zhenggai.reporting.progress;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.reporting.progress.ProgressCalculator.CategoryFact;
import io.zhenggai.reporting.progress.ProgressCalculator.FindingFact;
import io.zhenggai.reporting.progress.ProgressCalculator.ItemFact;
import io.zhenggai.reporting.progress.ProgressCalculator.Transition;
import io.zhenggai.reporting.progress.ProgressQueries.Breakdown;
import io.zhenggai.reporting.progress.ProgressQueries.SeriesPoint;
import io.zhenggai.reporting.progress.ProgressQueries.Totals;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 25);

    private static ItemFact item(String id, ItemKind kind, ItemStatus status, CloseOffState closeOff, LocalDate due,
                                 String department, LocalDate since, String... findings) {
        return new ItemFact(id, Integer.parseInt(id.replaceAll("\\D", "")), "事项" + id, kind, List.of(findings), status,
                closeOff, due, due, 0, null, "m-" + department, "领导" + department, department, since);
    }

    private static ItemFact timeBound(String id, ItemStatus status, LocalDate due) {
        return item(id, ItemKind.TIME_BOUND, status, CloseOffState.NONE, due, "办公室", TODAY.minusDays(30), "f1");
    }

    @Test
    void anOpenItemIsRedAfterItsDueDateYellowWithinTheWindowAndGreenBeyondIt() {
        assertThat(ProgressCalculator.warning(timeBound("i1", ItemStatus.IN_PROGRESS, TODAY.minusDays(1)), TODAY, 10))
                .isEqualTo(WarningLevel.RED);
        assertThat(ProgressCalculator.warning(timeBound("i1", ItemStatus.IN_PROGRESS, TODAY), TODAY, 10))
                .isEqualTo(WarningLevel.YELLOW);
        assertThat(ProgressCalculator.warning(timeBound("i1", ItemStatus.IN_PROGRESS, TODAY.plusDays(10)), TODAY, 10))
                .isEqualTo(WarningLevel.YELLOW);
        assertThat(ProgressCalculator.warning(timeBound("i1", ItemStatus.IN_PROGRESS, TODAY.plusDays(11)), TODAY, 10))
                .isEqualTo(WarningLevel.GREEN);
        assertThat(ProgressCalculator.warning(timeBound("i1", ItemStatus.IN_PROGRESS, TODAY.plusDays(11)), TODAY, 11))
                .isEqualTo(WarningLevel.YELLOW);
    }

    @Test
    void doneOngoingAndUndatedItemsAreNeverLate() {
        assertThat(ProgressCalculator.warning(timeBound("i1", ItemStatus.COMPLETED, TODAY.minusDays(5)), TODAY, 10))
                .isEqualTo(WarningLevel.GREEN);
        assertThat(ProgressCalculator.warning(item("i2", ItemKind.TIME_BOUND, ItemStatus.BASICALLY_COMPLETED,
                CloseOffState.CLOSED_OFF, TODAY.minusDays(5), "办公室", TODAY), TODAY, 10)).isEqualTo(WarningLevel.GREEN);
        assertThat(ProgressCalculator.warning(item("i3", ItemKind.ONGOING, ItemStatus.IN_PROGRESS, CloseOffState.NONE,
                null, "办公室", TODAY), TODAY, 10)).isEqualTo(WarningLevel.GREEN);
        assertThat(ProgressCalculator.warning(item("i4", ItemKind.IMMEDIATE, ItemStatus.NOT_STARTED, CloseOffState.NONE,
                null, "办公室", TODAY), TODAY, 10)).isEqualTo(WarningLevel.GREEN);
    }

    @Test
    void totalsCountItemByItemAndClosedOffCountsAsDone() {
        List<ItemFact> items = List.of(
                timeBound("i1", ItemStatus.COMPLETED, TODAY.minusDays(20)),
                item("i2", ItemKind.TIME_BOUND, ItemStatus.COMPLETED, CloseOffState.CLOSED_OFF, TODAY.minusDays(9), "干部股", TODAY),
                timeBound("i3", ItemStatus.IN_PROGRESS, TODAY.minusDays(2)),
                timeBound("i4", ItemStatus.BASICALLY_COMPLETED, TODAY.plusDays(3)),
                timeBound("i5", ItemStatus.NOT_STARTED, TODAY.plusDays(30)),
                item("i6", ItemKind.ONGOING, ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED, CloseOffState.NONE, null, "干部股", TODAY));

        Totals t = ProgressCalculator.totals(items, TODAY, 10);

        assertThat(t.items()).isEqualTo(6);
        assertThat(t.completed()).isEqualTo(3);
        assertThat(t.inProgress()).as("basically completed is not also in progress").isEqualTo(1);
        assertThat(t.notStarted()).isEqualTo(1);
        assertThat(t.completed() + t.notStarted() + t.inProgress() + t.basicallyCompleted() + t.notCompleted())
                .isEqualTo(t.items());
        assertThat(t.closedOff()).isEqualTo(1);
        assertThat(t.basicallyCompleted()).isEqualTo(1);
        assertThat(t.longTermMechanism()).isEqualTo(1);
        assertThat(t.overdue()).isEqualTo(1);
        assertThat(t.dueSoon()).isEqualTo(1);
        assertThat(t.completionRate()).isEqualByComparingTo("50.0");
        assertThat(ProgressCalculator.warnings(items, TODAY, 10)).extracting(w -> w.level() + "=" + w.count())
                .containsExactly("GREEN=1", "YELLOW=1", "RED=1");
        assertThat(ProgressCalculator.totals(List.of(), TODAY, 10).completionRate()).isNull();
    }

    @Test
    void anItemServingFindingsOfTwoCategoriesCountsInBoth() {
        List<CategoryFact> categories = List.of(new CategoryFact("c2", 2, "（二）"), new CategoryFact("c1", 1, "（一）"));
        List<FindingFact> findings = List.of(new FindingFact("f1", "c1", 1, "问题一", null),
                new FindingFact("f2", "c2", 1, "问题二", null), new FindingFact("f3", "c2", 2, "问题三", null));
        List<ItemFact> items = List.of(
                item("i1", ItemKind.IMMEDIATE, ItemStatus.COMPLETED, CloseOffState.NONE, null, "办公室", TODAY, "f1", "f2"),
                item("i2", ItemKind.IMMEDIATE, ItemStatus.IN_PROGRESS, CloseOffState.NONE, null, "办公室", TODAY, "f2"));

        List<Breakdown> byCategory = ProgressCalculator.byCategory(categories, findings, items, TODAY, 10);

        assertThat(byCategory).extracting(Breakdown::key).containsExactly("c1", "c2");
        assertThat(byCategory.get(0).totals().items()).isEqualTo(1);
        assertThat(byCategory.get(1).totals().items()).isEqualTo(2);
        var findingTotals = ProgressCalculator.findingTotals(findings, items);
        assertThat(findingTotals.completed()).isEqualTo(1);
        assertThat(findingTotals.inProgress()).isEqualTo(1);
        assertThat(findingTotals.withoutItems()).isEqualTo(1);
        assertThat(findingTotals.completionRate()).isEqualByComparingTo("33.3333333333");
    }

    @Test
    void departmentsAndLeadersAreGroupedInTheOrderOfTheirFirstItem() {
        List<ItemFact> items = List.of(
                timeBound("i1", ItemStatus.COMPLETED, TODAY),
                item("i2", ItemKind.IMMEDIATE, ItemStatus.NOT_STARTED, CloseOffState.NONE, null, "干部股", TODAY, "f1"),
                new ItemFact("i3", 3, "无责任部门", ItemKind.IMMEDIATE, List.of("f1"), ItemStatus.IN_PROGRESS, CloseOffState.NONE,
                        null, null, 0, null, null, null, null, TODAY),
                timeBound("i4", ItemStatus.IN_PROGRESS, TODAY.minusDays(1)));

        assertThat(ProgressCalculator.byDepartment(items, TODAY, 10))
                .extracting(b -> b.label() + ":" + b.totals().items() + "/" + b.totals().completed() + "/" + b.totals().overdue())
                .containsExactly("办公室:2/1/1", "干部股:1/0/0", ProgressCalculator.NO_DEPARTMENT + ":1/0/0");
        assertThat(ProgressCalculator.byLeader(items, TODAY, 10)).extracting(Breakdown::label)
                .containsExactly("领导办公室", "领导干部股", ProgressCalculator.NO_LEADER);
    }

    @Test
    void nextDueListsOpenDatedItemsSoonestFirstAndOverdueListsTheRedOnes() {
        List<ItemFact> items = List.of(
                timeBound("i1", ItemStatus.IN_PROGRESS, TODAY.plusDays(30)),
                timeBound("i2", ItemStatus.IN_PROGRESS, TODAY),
                timeBound("i3", ItemStatus.COMPLETED, TODAY.plusDays(1)),
                timeBound("i4", ItemStatus.NOT_STARTED, TODAY.minusDays(3)),
                timeBound("i5", ItemStatus.NOT_COMPLETED, TODAY.minusDays(8)),
                item("i6", ItemKind.ONGOING, ItemStatus.IN_PROGRESS, CloseOffState.NONE, null, "办公室", TODAY, "f1"));

        assertThat(ProgressCalculator.nextDue(items, TODAY, 10, 10)).extracting(d -> d.itemId() + ":" + d.daysRemaining())
                .containsExactly("i2:0", "i1:30");
        assertThat(ProgressCalculator.nextDue(items, TODAY, 10, 1)).hasSize(1);
        assertThat(ProgressCalculator.overdue(items, TODAY, 10)).extracting(d -> d.itemId() + ":" + d.daysRemaining())
                .containsExactly("i5:-8", "i4:-3");
    }

    @Test
    void theBurnDownFoldsTransitionsInBusinessDateOrder() {
        LocalDate adopted = TODAY.minusDays(5);
        List<ItemFact> items = List.of(
                item("i1", ItemKind.IMMEDIATE, ItemStatus.COMPLETED, CloseOffState.CLOSED_OFF, null, "办公室", adopted, "f1"),
                item("i2", ItemKind.IMMEDIATE, ItemStatus.IN_PROGRESS, CloseOffState.NONE, null, "办公室", adopted, "f1"),
                // added after adoption, counts from the day it was recorded
                item("i3", ItemKind.IMMEDIATE, ItemStatus.COMPLETED, CloseOffState.NONE, null, "办公室", TODAY.minusDays(1), "f1"));
        List<Transition> transitions = List.of(
                new Transition("i1", TODAY.minusDays(3), 10, true),
                // i2: completed, then reopened; the reopening was recorded first but happened later (business dates rule)
                new Transition("i2", TODAY.minusDays(1), 12, false),
                new Transition("i2", TODAY.minusDays(2), 14, true),
                new Transition("i3", TODAY, 15, true));

        List<SeriesPoint> series = ProgressCalculator.series(items, transitions, TODAY.minusDays(6), TODAY);

        assertThat(series).extracting(p -> p.date() + " " + p.items() + "/" + p.completed() + "/" + p.open()).containsExactly(
                TODAY.minusDays(6) + " 0/0/0",
                TODAY.minusDays(5) + " 2/0/2",
                TODAY.minusDays(4) + " 2/0/2",
                TODAY.minusDays(3) + " 2/1/1",
                TODAY.minusDays(2) + " 2/2/0",
                TODAY.minusDays(1) + " 3/1/2",
                TODAY + " 3/2/1");
        assertThat(ProgressCalculator.series(items, transitions, null, TODAY)).isEmpty();
        assertThat(ProgressCalculator.series(items, transitions, TODAY.plusDays(1), TODAY)).isEmpty();
        assertThat(ProgressCalculator.seriesStart(TODAY.minusDays(6), items)).isEqualTo(TODAY.minusDays(6));
        assertThat(ProgressCalculator.seriesStart(null, items)).isEqualTo(adopted);
    }

    @Test
    void moneyIsShownInWanYuanExactlyWithTheDecimalsRecorded() {
        assertThat(ProgressCalculator.wanYuan(new BigDecimal("12345.67"))).isEqualByComparingTo("1.234567");
        assertThat(ProgressCalculator.wanYuanText(new BigDecimal("12345.67"))).isEqualTo("1.234567万元");
        assertThat(ProgressCalculator.wanYuanText(new BigDecimal("71325.00"))).isEqualTo("7.1325万元");
        assertThat(ProgressCalculator.wanYuanText(new BigDecimal("0.00"))).isEqualTo("0万元");
        assertThat(ProgressCalculator.wanYuanText(new BigDecimal("55000.00"))).isEqualTo("5.5万元");
    }
}
