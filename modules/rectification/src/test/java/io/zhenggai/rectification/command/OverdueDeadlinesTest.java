package io.zhenggai.rectification.command;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.zhenggai.rectification.command.RectificationTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

class OverdueDeadlinesTest {

    @Test
    void anItemIsOverdueFromTheStartOfTheDayAfterItsDueDateInTheClocksZone() {
        assertThat(OverdueDeadlines.overdueInstant(LocalDate.of(2024, 3, 31), CLOCK))
                .isEqualTo(LocalDate.of(2024, 4, 1).atStartOfDay(ZONE).toInstant());
    }

    @Test
    void aDueDateAheadOrJustPastFiresAtTheOverdueInstant() {
        LocalDate weekAgo = TODAY.minus(OverdueDeadlines.RETROSPECTIVE_ENTRY);
        assertThat(OverdueDeadlines.deadlineInstant(TODAY.plusDays(10), CLOCK))
                .isEqualTo(OverdueDeadlines.overdueInstant(TODAY.plusDays(10), CLOCK));
        assertThat(OverdueDeadlines.deadlineInstant(weekAgo, CLOCK)).isEqualTo(startOfDay(weekAgo.plusDays(1)));
    }

    @Test
    void aDueDateLongPastWhenEnteredGetsTheGraceToRecordItsCompletion() {
        LocalDate carriedOver = TODAY.minus(OverdueDeadlines.RETROSPECTIVE_ENTRY).minusDays(1);
        assertThat(OverdueDeadlines.deadlineInstant(carriedOver, CLOCK))
                .isEqualTo(NOW.plus(OverdueDeadlines.RETROSPECTIVE_GRACE));
    }

    @Test
    void eachItemHasADeadlineNameOfItsOwn() {
        assertThat(OverdueDeadlines.deadlineName("i3")).isEqualTo("rectification-item-overdue:i3")
                .isNotEqualTo(OverdueDeadlines.deadlineName("i4"));
    }
}
