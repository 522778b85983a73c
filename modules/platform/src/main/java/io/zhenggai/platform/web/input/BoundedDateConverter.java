package io.zhenggai.platform.web.input;

import io.zhenggai.platform.domain.BusinessDates;
import io.zhenggai.platform.web.InvalidInputException;
import org.springframework.core.convert.converter.Converter;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Reads ISO dates ({@code 2025-03-01}) of request parameters ({@code today}, {@code date}, {@code from}, …) and
 * refuses those outside the bounds of {@link BusinessDates}: the failed conversion names the parameter (400).
 */
public class BoundedDateConverter implements Converter<String, LocalDate> {

    private final Clock clock;

    public BoundedDateConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public LocalDate convert(String source) {
        if (source.isBlank()) {
            return null;
        }
        LocalDate date = LocalDate.parse(source.trim());
        if (!BusinessDates.withinBounds(date, clock)) {
            throw new InvalidInputException(null, BusinessDateModule.CODE, BusinessDates.outOfBounds(date, clock));
        }
        return date;
    }
}
