package io.zhenggai.rectification.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.RectificationEvents.AccountabilityRecordedEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams recorded before {@code personsNotCounted} existed read as counted outcomes (ADR 0024). */
class AccountabilityEventCompatibilityTest {

    @Test
    void anOutcomeStoredWithoutPersonsNotCountedReadsAsCounted() throws Exception {
        String stored = """
                {"rectificationId":"r","outcomeId":"o1","kind":"ADMONITION","date":"2024-01-10","count":2,
                 "persons":["甲","乙"],"findingIds":[],"description":null}""";
        AccountabilityRecordedEvent e = new ObjectMapper().findAndRegisterModules().readValue(stored, AccountabilityRecordedEvent.class);
        assertThat(e).isEqualTo(new AccountabilityRecordedEvent("r", "o1", AccountabilityKind.ADMONITION,
                LocalDate.of(2024, 1, 10), 2, List.of("甲", "乙"), List.of(), null, false));
    }
}
