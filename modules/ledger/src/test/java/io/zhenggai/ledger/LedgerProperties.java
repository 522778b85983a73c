package io.zhenggai.ledger;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Laws of the arithmetic over any ledger: the totals partition items and findings, and they add up. */
class LedgerProperties {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

    @Property
    void itemTotalsPartitionTheItems(@ForAll("items") List<LedgerItem> items) {
        ItemCounts c = Ledger.itemCounts(items, TODAY, 10);
        assertThat(c.completed() + c.notStarted() + c.inProgress() + c.basicallyCompleted() + c.notCompleted())
                .isEqualTo(items.size());
        assertThat(c.completed()).isEqualTo((int) items.stream().filter(Ledger::done).count());
        assertThat(c.overdue() + c.dueSoon()).isLessThanOrEqualTo(items.size() - c.completed());
    }

    @Property
    void findingTotalsPartitionTheFindings(@ForAll("items") List<LedgerItem> items) {
        List<LedgerFinding> findings = IntStream.range(0, 6)
                .mapToObj(i -> new LedgerFinding("f" + i, "c" + i % 2, i == 5 ? FindingSource.FINANCE_VIOLATION : null))
                .toList();
        FindingCounts c = Ledger.findingCounts(findings, items);
        int sum = 0;
        for (FindingStatus s : FindingStatus.values()) {
            sum += c.count(s);
            int status = (int) findings.stream().filter(f -> Ledger.findingStatus(f, items) == s).count();
            assertThat(c.count(s)).as(s.name()).isEqualTo(status);
        }
        assertThat(sum).isEqualTo(findings.size());
        assertThat(c.supplementary()).isEqualTo(1);
    }

    @Property
    void totalsOfPartsAddUpToTheTotalsOfTheWhole(@ForAll("items") List<LedgerItem> a, @ForAll("items") List<LedgerItem> b) {
        List<LedgerItem> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        assertThat(Ledger.itemCounts(a, TODAY, 10).plus(Ledger.itemCounts(b, TODAY, 10)))
                .isEqualTo(Ledger.itemCounts(all, TODAY, 10));
    }

    @Provide
    Arbitrary<List<LedgerItem>> items() {
        Arbitrary<LedgerItem> item = Combinators.combine(
                Arbitraries.of(ItemKind.class), Arbitraries.of(ItemStatus.class), Arbitraries.of(CloseOffState.class),
                Arbitraries.integers().between(-20, 40).injectNull(0.2),
                Arbitraries.of("f0", "f1", "f2", "f3", "f4", "f5").list().ofMaxSize(2).uniqueElements()
        ).as((kind, status, closeOff, due, findings) -> new LedgerItem("i", kind, status, closeOff,
                due == null || kind == ItemKind.ONGOING ? null : TODAY.plusDays(due), findings));
        return item.list().ofMaxSize(12);
    }
}
