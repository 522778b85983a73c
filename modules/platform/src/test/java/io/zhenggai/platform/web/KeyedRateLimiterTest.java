package io.zhenggai.platform.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedRateLimiterTest {

    @Test
    void aKeyGetsItsCapacityThenWaitsAndOtherKeysAreNotAffected() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(3, Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isEmpty();
        }
        assertThat(limiter.tryAcquire("a")).isPresent();
        assertThat(limiter.tryAcquire("a").getAsLong()).isBetween(1L, 200L);
        assertThat(limiter.tryAcquire("b")).isEmpty();
    }

    @Test
    void lookingTakesNothingAndChargesCountEvenPastTheCapacity() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(2, Duration.ofMinutes(10), KeyedRateLimiter.Refill.INTERVALLY, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.waitFor("a")).isEmpty();
        }
        limiter.charge("a");
        assertThat(limiter.waitFor("a")).isEmpty();
        limiter.charge("a");
        assertThat(limiter.waitFor("a")).isPresent();
        assertThat(limiter.waitFor("a").getAsLong()).isBetween(1L, 600L);
        limiter.charge("a"); // a failure seen after the bucket ran dry still counts, it never throws
        assertThat(limiter.waitFor("b")).isEmpty();
    }

    @Test
    void clearForgetsEveryKey() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(1, Duration.ofMinutes(10));
        limiter.tryAcquire("a");
        limiter.clear();
        assertThat(limiter.tryAcquire("a")).isEmpty();
    }
}
