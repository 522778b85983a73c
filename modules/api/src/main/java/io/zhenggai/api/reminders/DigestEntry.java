package io.zhenggai.api.reminders;

import java.time.LocalDate;

/**
 * One item of a digest, as the ledger showed it on the digest's date: why it is there, where it belongs (the
 * rectification, its inspection and unit, and the kind's word, 巡视整改 or 巡察整改), its number and title, its current
 * due date and the days remaining (negative when overdue), and for a returned close-off the reason given.
 */
public record DigestEntry(
        ReminderReason reason,
        String rectificationId,
        String inspectionId,
        String inspectedUnit,
        String rectificationLabel,
        String itemId,
        int ordinal,
        String title,
        LocalDate dueDate,
        Long daysRemaining,
        String returnReason) {
}
