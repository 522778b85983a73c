package io.zhenggai.rectification.query;

import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationEvents.AccountabilityRecordedEvent;
import io.zhenggai.api.rectification.RectificationQueries.*;
import io.zhenggai.api.rectification.WarningLevel;
import io.zhenggai.rectification.query.LedgerDocument.CategoryDoc;
import io.zhenggai.rectification.query.LedgerDocument.FindingDoc;
import io.zhenggai.rectification.query.LedgerDocument.ItemDoc;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerViewsTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 25);

    private static ItemDoc item(String id, ItemKind kind, LocalDate due, ItemStatus status, String... findings) {
        ItemDoc i = new ItemDoc();
        i.itemId = id;
        i.ordinal = Integer.parseInt(id.substring(1));
        i.title = "事项" + id;
        i.kind = kind;
        i.currentDueDate = due;
        i.originalDueDate = due;
        i.status = status;
        i.findingIds = List.of(findings);
        i.department = id.equals("i1") ? "办公室" : "财务股";
        i.leaderId = "m-deputy";
        i.leaderName = "王副部长";
        return i;
    }

    @Test
    void anUnfinishedItemPastItsDueDateIsRed() {
        assertThat(LedgerViews.warningLevel(item("i1", ItemKind.TIME_BOUND, TODAY.minusDays(1), ItemStatus.IN_PROGRESS), TODAY, 10))
                .isEqualTo(WarningLevel.RED);
    }

    @Test
    void anItemDueWithinTheWarningDaysIsYellowAndGreenBeyondThem() {
        ItemDoc dueIn10 = item("i1", ItemKind.TIME_BOUND, TODAY.plusDays(10), ItemStatus.IN_PROGRESS);
        ItemDoc dueIn11 = item("i2", ItemKind.TIME_BOUND, TODAY.plusDays(11), ItemStatus.IN_PROGRESS);
        ItemDoc dueToday = item("i3", ItemKind.TIME_BOUND, TODAY, ItemStatus.NOT_STARTED);
        assertThat(LedgerViews.warningLevel(dueIn10, TODAY, 10)).isEqualTo(WarningLevel.YELLOW);
        assertThat(LedgerViews.warningLevel(dueIn11, TODAY, 10)).isEqualTo(WarningLevel.GREEN);
        assertThat(LedgerViews.warningLevel(dueToday, TODAY, 10)).isEqualTo(WarningLevel.YELLOW);
        assertThat(LedgerViews.warningLevel(dueIn11, TODAY, 30)).as("recomputed with another threshold")
                .isEqualTo(WarningLevel.YELLOW);
    }

    @Test
    void doneOngoingAndUndatedItemsAreGreen() {
        assertThat(LedgerViews.warningLevel(item("i1", ItemKind.TIME_BOUND, TODAY.minusDays(5), ItemStatus.COMPLETED), TODAY, 10))
                .isEqualTo(WarningLevel.GREEN);
        assertThat(LedgerViews.warningLevel(item("i2", ItemKind.ONGOING, null, ItemStatus.IN_PROGRESS), TODAY, 10))
                .isEqualTo(WarningLevel.GREEN);
        assertThat(LedgerViews.warningLevel(item("i3", ItemKind.IMMEDIATE, null, ItemStatus.NOT_STARTED), TODAY, 10))
                .isEqualTo(WarningLevel.GREEN);
    }

    @Test
    void totalsAreCountedItemByItem() {
        ItemDoc closed = item("i1", ItemKind.IMMEDIATE, null, ItemStatus.COMPLETED);
        closed.closeOff = CloseOffState.CLOSED_OFF;
        List<ItemDoc> items = List.of(
                closed,
                item("i2", ItemKind.ONGOING, null, ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED),
                item("i3", ItemKind.TIME_BOUND, TODAY.minusDays(1), ItemStatus.IN_PROGRESS),
                item("i4", ItemKind.TIME_BOUND, TODAY.plusDays(3), ItemStatus.BASICALLY_COMPLETED),
                item("i5", ItemKind.TIME_BOUND, TODAY.plusDays(60), ItemStatus.NOT_STARTED),
                item("i6", ItemKind.TIME_BOUND, TODAY.plusDays(60), ItemStatus.COMPLETED));

        Totals totals = LedgerViews.totals(items, TODAY, 10);

        assertThat(totals.items()).isEqualTo(6);
        assertThat(totals.completed()).isEqualTo(3);
        assertThat(totals.closedOff()).isEqualTo(1);
        assertThat(totals.longTermMechanism()).isEqualTo(1);
        assertThat(totals.inProgress()).isEqualTo(1);
        assertThat(totals.basicallyCompleted()).isEqualTo(1);
        assertThat(totals.notStarted()).isEqualTo(1);
        assertThat(totals.overdue()).isEqualTo(1);
        assertThat(totals.dueSoon()).isEqualTo(1);
        assertThat(totals.completionRate()).isEqualByComparingTo("50.0");
    }

    @Test
    void findingTotalsFollowTheNoticesWay() {
        // 25 findings, 19 completed, 6 in progress -> 76%
        LedgerDocument doc = new LedgerDocument();
        CategoryDoc c = new CategoryDoc();
        c.categoryId = "c1";
        doc.categories.add(c);
        for (int n = 1; n <= 25; n++) {
            FindingDoc f = new FindingDoc();
            f.findingId = "f" + n;
            f.ordinal = n;
            c.findings.add(f);
            doc.items.add(item("i" + n, ItemKind.IMMEDIATE, null, n <= 19 ? ItemStatus.COMPLETED : ItemStatus.IN_PROGRESS,
                    "f" + n));
        }
        FindingTotals totals = LedgerViews.findingTotals(doc, LedgerViews.activeItems(doc));
        assertThat(totals.findings()).isEqualTo(25);
        assertThat(totals.completed()).isEqualTo(19);
        assertThat(totals.inProgress()).isEqualTo(6);
        assertThat(totals.completionRate()).isEqualByComparingTo(new BigDecimal("76.0"));
    }

    @Test
    void findingTotalsKeepBasicallyCompletedAndNotCompletedApartAndCountSupplementaryFindings() {
        LedgerDocument doc = new LedgerDocument();
        CategoryDoc c = new CategoryDoc();
        c.categoryId = "c1";
        doc.categories.add(c);
        ItemStatus[] statuses = {ItemStatus.COMPLETED, ItemStatus.BASICALLY_COMPLETED, ItemStatus.NOT_COMPLETED,
                ItemStatus.IN_PROGRESS};
        for (int n = 1; n <= 4; n++) {
            FindingDoc f = new FindingDoc();
            f.findingId = "f" + n;
            f.ordinal = n;
            if (n == 4) {
                f.source = io.zhenggai.api.rectification.FindingSource.PUBLIC_FEEDBACK;
            }
            c.findings.add(f);
            doc.items.add(item("i" + n, ItemKind.IMMEDIATE, null, statuses[n - 1], "f" + n));
        }
        FindingTotals totals = LedgerViews.findingTotals(doc, LedgerViews.activeItems(doc));
        assertThat(totals.findings()).isEqualTo(4);
        assertThat(totals.completed()).isEqualTo(1);
        assertThat(totals.basicallyCompleted()).isEqualTo(1);
        assertThat(totals.notCompleted()).isEqualTo(1);
        assertThat(totals.inProgress()).isEqualTo(1);
        assertThat(totals.supplementary()).isEqualTo(1);
        assertThat(totals.completionRate()).isEqualByComparingTo("25");
        assertThat(LedgerViews.findingStatus(c.findings.get(1), LedgerViews.activeItems(doc)).label()).isEqualTo("基本完成");
    }

    @Test
    void noItemsMeansNoRate() {
        assertThat(LedgerViews.totals(List.of(), TODAY, 10).completionRate()).isNull();
    }

    @Test
    void filtersKeepOnlyMatchingItemsButTotalsStayWhole() {
        LedgerDocument doc = new LedgerDocument();
        CategoryDoc c = new CategoryDoc();
        c.categoryId = "c1";
        c.title = "方面一";
        FindingDoc f = new FindingDoc();
        f.findingId = "f1";
        c.findings.add(f);
        doc.categories.add(c);
        doc.items.add(item("i1", ItemKind.TIME_BOUND, TODAY.minusDays(2), ItemStatus.IN_PROGRESS, "f1"));
        doc.items.add(item("i2", ItemKind.TIME_BOUND, TODAY.plusDays(40), ItemStatus.IN_PROGRESS, "f1"));

        LedgerView red = LedgerViews.ledger(doc, 7, Instant.EPOCH,
                new LedgerFilter(null, null, null, null, WarningLevel.RED), TODAY, 10);
        assertThat(red.categories().get(0).findings().get(0).items()).extracting(ItemView::itemId).containsExactly("i1");
        assertThat(red.totals().items()).isEqualTo(2);
        assertThat(red.filteredTotals().items()).isEqualTo(1);
        assertThat(red.filteredTotals().overdue()).isEqualTo(1);

        LedgerView byDepartment = LedgerViews.ledger(doc, 7, Instant.EPOCH,
                new LedgerFilter(null, null, "财务股", null, null), TODAY, 10);
        assertThat(byDepartment.categories().get(0).findings().get(0).items()).extracting(ItemView::itemId)
                .containsExactly("i2");

        LedgerView none = LedgerViews.ledger(doc, 7, Instant.EPOCH,
                new LedgerFilter(List.of(ItemStatus.COMPLETED), null, null, null, null), TODAY, 10);
        assertThat(none.categories()).isEmpty();
    }

    @Test
    void measuresAreLabelledInChinese() {
        assertThat(LedgerViews.measureLabel(1)).isEqualTo("一是");
        assertThat(LedgerViews.measureLabel(4)).isEqualTo("四是");
        assertThat(LedgerViews.measureLabel(10)).isEqualTo("十是");
        assertThat(LedgerViews.measureLabel(12)).isEqualTo("十二是");
        assertThat(LedgerViews.measureLabel(21)).isEqualTo("二十一是");
    }

    @Test
    void accountabilityListsOnlyTheKindsRecordedARecordedZeroIncluded() {
        LedgerDocument doc = new LedgerDocument();
        doc.outcomes.add(new AccountabilityRecordedEvent("r", "o1", AccountabilityKind.REMINDER_TALK, TODAY, 2, List.of(),
                List.of(), null));
        doc.outcomes.add(new AccountabilityRecordedEvent("r", "o2", AccountabilityKind.REMINDER_TALK, TODAY, 1, List.of(),
                List.of(), null));
        doc.outcomes.add(new AccountabilityRecordedEvent("r", "o3", AccountabilityKind.GOVERNMENT_SANCTION, TODAY, 0, List.of(),
                List.of(), null));
        doc.outcomes.add(new AccountabilityRecordedEvent("r", "o4", AccountabilityKind.HANDLING, TODAY, 0, List.of(),
                List.of(), "对相关责任人员作出处理", true));
        AccountabilityView view = LedgerViews.accountability(doc);
        assertThat(view.byKind()).containsExactly(
                new AccountabilityCount(AccountabilityKind.GOVERNMENT_SANCTION, "政务处分", 0, false),
                new AccountabilityCount(AccountabilityKind.REMINDER_TALK, "提醒谈话", 3, false),
                new AccountabilityCount(AccountabilityKind.HANDLING, "处理", 0, true));
        assertThat(view.total()).isEqualTo(3);
        assertThat(view.outcomes()).hasSize(4);
    }

    @Test
    void accountabilityWithNothingRecordedListsNoKind() {
        AccountabilityView view = LedgerViews.accountability(new LedgerDocument());
        assertThat(view.byKind()).isEmpty();
        assertThat(view.total()).isZero();
    }
}
