package io.zhenggai.publication.notice;

import java.time.LocalDate;
import java.util.List;

/** Chinese numbering and dates as official notices write them. */
public final class ChineseText {
    private ChineseText() {
    }

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1..999). */
    public static String numeral(int n) {
        if (n <= 0 || n >= 1000) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        if (n < 100) {
            return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        int rest = n % 100;
        String tail = rest == 0 ? "" : rest < 10 ? "零" + DIGITS[rest] : rest < 20 ? "一" + numeral(rest) : numeral(rest);
        return DIGITS[n / 100] + "百" + tail;
    }

    /** 一、 二、 … (section headings). */
    public static String sectionMark(int n) {
        return numeral(n) + "、";
    }

    /** （一）（二）… (sub-section headings, full-width parentheses). */
    public static String subsectionMark(int n) {
        return "（" + numeral(n) + "）";
    }

    /** 一是, 二是 … (measures). */
    public static String measureMark(int n) {
        return numeral(n) + "是";
    }

    /** 2024年3月25日. */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 2023年6月8日至7月28日: the end date omits the year when it is the same year. */
    public static String dateRange(LocalDate start, LocalDate end) {
        if (start == null) {
            return end == null ? "" : date(end);
        }
        if (end == null || end.equals(start)) {
            return date(start);
        }
        String endText = end.getYear() == start.getYear()
                ? end.getMonthValue() + "月" + end.getDayOfMonth() + "日"
                : date(end);
        return date(start) + "至" + endText;
    }

    /** A、B和C. */
    public static String enumerate(List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join("、", parts.subList(0, parts.size() - 1)) + "和" + parts.get(parts.size() - 1);
    }

    /** 《title》, unless the title already carries the book-title marks. */
    public static String bookTitle(String title) {
        if (title == null || title.isBlank()) {
            return title;
        }
        String t = title.strip();
        return t.startsWith("《") ? t : "《" + t + "》";
    }
}
