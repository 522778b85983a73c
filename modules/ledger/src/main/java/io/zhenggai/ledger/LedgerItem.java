package io.zhenggai.ledger;

import io.zhenggai.api.rectification.CloseOffState;
import io.zhenggai.api.rectification.ItemKind;
import io.zhenggai.api.rectification.ItemStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification item as far as the arithmetic needs it: its kind, its status, where it stands in the close-off
 * review, its current due date and the findings it serves. A removed item is not a ledger item at all.
 * {@code status} null reads as {@link ItemStatus#NOT_STARTED}, {@code closeOff} null as {@link CloseOffState#NONE}.
 */
public record LedgerItem(String itemId, ItemKind kind, ItemStatus status, CloseOffState closeOff, LocalDate dueDate,
                         List<String> findingIds) {

    public LedgerItem {
        status = status == null ? ItemStatus.NOT_STARTED : status;
        closeOff = closeOff == null ? CloseOffState.NONE : closeOff;
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
    }
}
