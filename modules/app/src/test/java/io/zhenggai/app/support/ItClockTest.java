package io.zhenggai.app.support;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ItClockTest {

    private static Clock at(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(ItClock.ZONE).toInstant(), ItClock.ZONE);
    }

    @Test
    void duringTheDayTheRunUsesTheSystemClockAsItIs() {
        Clock real = at("2026-12-01T10:15:00");
        assertThat(ItClock.pinnedToday(real).instant()).isEqualTo(real.instant());
    }

    @Test
    void nearMidnightTheClockRunsBehindSoThatItsDateStaysForHours() {
        Clock pinned = ItClock.pinnedToday(at("2026-12-01T23:50:00"));
        assertThat(LocalDateTime.now(pinned)).isEqualTo(LocalDateTime.parse("2026-12-01T18:00:00"));
        Clock fiveHoursLater = Clock.offset(pinned, Duration.ofHours(5).plusMinutes(59));
        assertThat(LocalDate.now(fiveHoursLater)).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(pinned.instant()).as("never ahead of the real time").isBefore(at("2026-12-01T23:50:00").instant());
    }
}
