package io.zhenggai.reminders;

import io.zhenggai.api.reminders.DigestEntry;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderReason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DigestTextsTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    static DigestEntry entry(ReminderReason reason, int ordinal, LocalDate due, Long days, String returned, String label) {
        return new DigestEntry(reason, "rect-x", "x", "区委统战部", label, "i" + ordinal, ordinal, "健全制度", due, days, returned);
    }

    @Test
    void theTitleCountsTheEntriesByReason() {
        List<DigestEntry> entries = List.of(entry(ReminderReason.OVERDUE, 1, DAY.minusDays(2), -2L, null, "巡察整改"),
                entry(ReminderReason.OVERDUE, 2, DAY.minusDays(1), -1L, null, "巡察整改"),
                entry(ReminderReason.CLOSE_OFF_RETURNED, 3, null, null, "缺少制度文本", "巡察整改"));
        assertThat(DigestTexts.title(DAY, RecipientKind.DEPARTMENT, "办公室", entries))
                .isEqualTo("2026-12-01 整改提醒：办公室（责任部门）3项（已逾期2项，销号申请被退回1项）");
    }

    @Test
    void aLineSaysHowManyDaysRemainOrHaveGoneAndTakesTheKindsWordFromTheEntry() {
        assertThat(DigestTexts.line(entry(ReminderReason.DUE_SOON, 2, DAY.plusDays(3), 3L, null, "巡视整改")))
                .isEqualTo("区委统战部 巡视整改 第2项 “健全制度” 完成时限2026-12-04（还剩3天）");
        assertThat(DigestTexts.line(entry(ReminderReason.DUE_SOON, 2, DAY, 0L, null, "巡察整改"))).endsWith("（今天到期）");
        assertThat(DigestTexts.line(entry(ReminderReason.OVERDUE, 2, DAY.minusDays(2), -2L, null, "巡察整改")))
                .endsWith("（已逾期2天）");
        assertThat(DigestTexts.line(entry(ReminderReason.CLOSE_OFF_RETURNED, 2, null, null, "缺少制度文本", "巡察整改")))
                .isEqualTo("区委统战部 巡察整改 第2项 “健全制度” 退回理由：缺少制度文本");
    }

    @Test
    void theBodyListsEachReasonInItsOwnSection() {
        String body = DigestTexts.body(DAY, RecipientKind.LEADER, "王副部长", List.of(
                entry(ReminderReason.CLOSE_OFF_RETURNED, 3, null, null, "缺少制度文本", "巡察整改"),
                entry(ReminderReason.DUE_SOON, 1, DAY.plusDays(5), 5L, null, "巡察整改")));
        assertThat(body.indexOf("即将到期：")).isPositive().isLessThan(body.indexOf("销号申请被退回："));
        assertThat(body).doesNotContain("已逾期：");
    }
}
