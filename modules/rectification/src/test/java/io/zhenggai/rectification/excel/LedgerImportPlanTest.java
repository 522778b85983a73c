package io.zhenggai.rectification.excel;

import io.zhenggai.api.rectification.ItemStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerImportPlanTest {

    @Test
    void readsTheStatusAnOfficeWritesAtTheStartOfTheCell() {
        assertThat(LedgerImportPlan.status("已完成。修订了制度3项")).isEqualTo(ItemStatus.COMPLETED);
        assertThat(LedgerImportPlan.status("已整改")).isEqualTo(ItemStatus.COMPLETED);
        assertThat(LedgerImportPlan.status("未完成，原因是")).isEqualTo(ItemStatus.NOT_COMPLETED);
        assertThat(LedgerImportPlan.status("基本完成")).isEqualTo(ItemStatus.BASICALLY_COMPLETED);
        assertThat(LedgerImportPlan.status("正在整改中")).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(LedgerImportPlan.status("已建立长效机制")).isEqualTo(ItemStatus.LONG_TERM_MECHANISM_ESTABLISHED);
        assertThat(LedgerImportPlan.status("未开始")).isEqualTo(ItemStatus.NOT_STARTED);
        assertThat(LedgerImportPlan.status("差不多了")).isNull();
    }

    @Test
    void readsDatesAsOfficesWriteThem() {
        LocalDate end = LocalDate.of(2023, 12, 31);
        assertThat(LedgerImportPlan.date("2023-12-31")).isEqualTo(end);
        assertThat(LedgerImportPlan.date("2023/12/31")).isEqualTo(end);
        assertThat(LedgerImportPlan.date("2023.12.31")).isEqualTo(end);
        assertThat(LedgerImportPlan.date("2023年12月31日")).isEqualTo(end);
        assertThat(LedgerImportPlan.date("2023年12月底")).isEqualTo(end);
        assertThat(LedgerImportPlan.date("2024年2月")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(LedgerImportPlan.date("立行立改 2023-10-31")).isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(LedgerImportPlan.date("明年再说")).isNull();
        assertThat(LedgerImportPlan.date("2023-02-30")).isNull();
    }

    @Test
    void takesOneMeasurePerLineWithoutItsNumbering() {
        assertThat(LedgerImportPlan.measures("一是，每月学习\n二是：建立台账\n\n3. 开展检查\n（4）通报\n⑤ 回头看"))
                .containsExactly("每月学习", "建立台账", "开展检查", "通报", "回头看");
        assertThat(LedgerImportPlan.measures(null)).isEmpty();
    }
}
