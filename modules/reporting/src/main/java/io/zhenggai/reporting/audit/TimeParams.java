package io.zhenggai.reporting.audit;

import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.platform.web.InvalidInputException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Reads time parameters: an ISO instant ({@code 2025-03-01T02:00:00Z}), a date-time with offset
 * ({@code 2025-03-01T10:00:00+08:00}), a local date-time or a date ({@code 2025-03-01}) in the configured zone.
 */
final class TimeParams {

    private TimeParams() {
    }

    /** Where a bare date points: the start of the day, or just past its end (for exclusive and inclusive upper bounds). */
    enum DateMeans { START_OF_DAY, START_OF_NEXT_DAY, END_OF_DAY }

    /** The instant, refused (400 naming the parameter) when its date lies outside the bounds of {@link BusinessDates}. */
    static Instant parse(String name, String value, ZoneId zone, DateMeans date) {
        Instant instant = read(name, value, zone, date);
        if (instant != null) {
            Clock clock = Clock.system(zone);
            LocalDate day;
            try {
                day = LocalDate.ofInstant(instant, zone);
            } catch (DateTimeException e) {
                day = null;
            }
            if (day == null || !BusinessDates.withinBounds(day, clock)) {
                throw new InvalidInputException(name, "DATE_OUT_OF_RANGE", BusinessDates.outOfBounds(value.trim(), clock));
            }
        }
        return instant;
    }

    private static Instant read(String name, String value, ZoneId zone, DateMeans date) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return switch (date) {
                    case START_OF_DAY -> d.atStartOfDay(zone).toInstant();
                    case START_OF_NEXT_DAY -> d.plusDays(1).atStartOfDay(zone).toInstant();
                    case END_OF_DAY -> d.plusDays(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
                };
            }
            if (v.endsWith("Z") || v.endsWith("z")) {
                return Instant.parse(v.toUpperCase());
            }
            if (v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("参数 " + name + " 的时间格式不正确：" + value
                    + "（应为 ISO 时间，如 2025-03-01T10:00:00+08:00 或 2025-03-01T02:00:00Z，或日期 2025-03-01）");
        }
    }
}
