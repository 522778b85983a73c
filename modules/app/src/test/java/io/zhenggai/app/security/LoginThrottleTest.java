package io.zhenggai.app.security;

import io.zhenggai.platform.web.KeyedRateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    /** Accepts the password "right"; counts how often a password was really checked. */
    private final AtomicInteger checks = new AtomicInteger();
    private final CountDownLatch allInFlight = new CountDownLatch(20);
    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if ("slow".equals(a.getName())) {
                allInFlight.countDown();
                try {
                    allInFlight.await(10, java.util.concurrent.TimeUnit.SECONDS); // the whole burst inside the check at once (bounded: a throttled login never arrives)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    private LoginThrottle throttle(int perUser, int perAddress) {
        return new LoginThrottle(passwords,
                new KeyedRateLimiter(perUser, Duration.ofMinutes(10), KeyedRateLimiter.Refill.INTERVALLY, 100),
                new KeyedRateLimiter(perAddress, Duration.ofMinutes(10), KeyedRateLimiter.Refill.INTERVALLY, 100));
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void manyConcurrentCorrectLoginsOfOneUserAreNeverThrottled() throws Exception {
        LoginThrottle throttle = throttle(3, 5);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Authentication>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> throttle.authenticate(login("slow", "right"))));
            }
            for (Future<Authentication> r : results) {
                assertThat(r.get().isAuthenticated()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrongPasswordsUseUpTheUsersBucketAndThenThePasswordIsNotEvenChecked() {
        LoginThrottle throttle = throttle(3, 100);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttle.authenticate(login("u", "wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        int checked = checks.get();
        assertThatThrownBy(() -> throttle.authenticate(login("u", "right")))
                .isInstanceOfSatisfying(LoginThrottle.ThrottledException.class, e -> assertThat(e.retryAfterSeconds).isPositive());
        assertThat(checks.get()).isEqualTo(checked);
        assertThat(throttle.authenticate(login("other", "right")).isAuthenticated()).isTrue();
    }

    @Test
    void correctLoginsBetweenWrongOnesDoNotSpendTheBucket() {
        LoginThrottle throttle = throttle(2, 100);
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.authenticate(login("u", "right")).isAuthenticated()).isTrue();
        }
        assertThatThrownBy(() -> throttle.authenticate(login("u", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(throttle.authenticate(login("u", "right")).isAuthenticated()).isTrue();
    }
}
