package io.zhenggai.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.zhenggai.platform.domain.BusinessDates;

import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Refuses, in request bodies, every date or instant outside {@link BusinessDates#EARLIEST} … today +
 * {@link BusinessDates#YEARS_AHEAD} years, naming the field by its JSON path: wraps whatever deserializer reads
 * {@code LocalDate}, {@code LocalDateTime}, {@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime}.
 */
public class BusinessDateModule extends SimpleModule {

    /** The {@code code} of a refused date. */
    public static final String CODE = "DATE_OUT_OF_RANGE";

    private static final Set<Class<?>> TYPES = Set.of(LocalDate.class, LocalDateTime.class, Instant.class,
            OffsetDateTime.class, ZonedDateTime.class);

    public BusinessDateModule(Clock clock) {
        super("zhenggai-business-dates");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return TYPES.contains(description.getBeanClass()) ? new Bounded(deserializer, clock) : deserializer;
            }
        });
    }

    /** The date a temporal value falls on in the clock's zone; null when it is out of any representable range. */
    static LocalDate dateOf(Object value, Clock clock) {
        try {
            if (value instanceof LocalDate d) {
                return d;
            }
            if (value instanceof LocalDateTime t) {
                return t.toLocalDate();
            }
            if (value instanceof OffsetDateTime t) {
                return t.toLocalDate();
            }
            if (value instanceof ZonedDateTime t) {
                return t.toLocalDate();
            }
            return LocalDate.ofInstant((Instant) value, clock.getZone());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static final class Bounded extends DelegatingDeserializer {

        private final Clock clock;

        Bounded(JsonDeserializer<?> delegate, Clock clock) {
            super(delegate);
            this.clock = clock;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate, clock);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value != null) {
                LocalDate date = dateOf(value, clock);
                if (date == null || !BusinessDates.withinBounds(date, clock)) {
                    throw RejectedInputException.at(p, CODE, BusinessDates.outOfBounds(value, clock));
                }
            }
            return value;
        }
    }
}
