package io.zhenggai.reminders;

import io.zhenggai.api.reminders.DigestEntry;
import io.zhenggai.api.reminders.RecipientKind;
import io.zhenggai.api.reminders.ReminderReason;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of a digest, one place for every channel (inbox title, e-mail subject and body, webhook summary), in
 * Chinese. The word 巡视整改 or 巡察整改 comes from each entry ({@link DigestEntry#rectificationLabel()}, taken from the
 * inspection's kind by the ledger), never written here.
 */
public final class DigestTexts {
    private DigestTexts() {
    }

    /** "2026-12-01 整改提醒：张三（责任领导）3项（即将到期1项，已逾期1项，销号申请被退回1项）". */
    public static String title(LocalDate date, RecipientKind kind, String name, List<DigestEntry> entries) {
        Map<ReminderReason, Long> counts = counts(entries);
        String parts = counts.entrySet().stream().map(e -> e.getKey().label() + e.getValue() + "项")
                .collect(Collectors.joining("，"));
        return date + " 整改提醒：" + name + "（" + kind.label() + "）" + entries.size() + "项（" + parts + "）";
    }

    /** The body of an e-mail: a section per reason, an entry per line. */
    public static String body(LocalDate date, RecipientKind kind, String name, List<DigestEntry> entries) {
        StringBuilder text = new StringBuilder(title(date, kind, name, entries)).append("\n");
        for (ReminderReason reason : ReminderReason.values()) {
            List<DigestEntry> of = entries.stream().filter(e -> e.reason() == reason).toList();
            if (of.isEmpty()) {
                continue;
            }
            text.append("\n").append(reason.label()).append("：\n");
            for (DigestEntry e : of) {
                text.append("  ").append(line(e)).append("\n");
            }
        }
        return text.toString();
    }

    /** "区委统战部 巡察整改 第2项 “……” 完成时限2026-12-04（还剩3天）". */
    public static String line(DigestEntry e) {
        StringBuilder s = new StringBuilder().append(e.inspectedUnit()).append(" ").append(e.rectificationLabel())
                .append(" 第").append(e.ordinal()).append("项 “").append(e.title()).append("”");
        if (e.dueDate() != null) {
            s.append(" 完成时限").append(e.dueDate());
            if (e.daysRemaining() != null) {
                long d = e.daysRemaining();
                s.append(d > 0 ? "（还剩" + d + "天）" : d == 0 ? "（今天到期）" : "（已逾期" + (-d) + "天）");
            }
        }
        if (e.returnReason() != null && !e.returnReason().isBlank()) {
            s.append(" 退回理由：").append(e.returnReason());
        }
        return s.toString();
    }

    private static Map<ReminderReason, Long> counts(List<DigestEntry> entries) {
        Map<ReminderReason, Long> counts = new EnumMap<>(ReminderReason.class);
        for (DigestEntry e : entries) {
            counts.merge(e.reason(), 1L, Long::sum);
        }
        return counts;
    }
}
