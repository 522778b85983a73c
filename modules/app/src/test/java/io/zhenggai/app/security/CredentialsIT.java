package io.zhenggai.app.security;

import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.app.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials through HTTP: a password change racing logins never leaves the old password valid; wrong passwords
 * are throttled per user and per address (429 problem+json with Retry-After) and logged. Each test sends from
 * loopback addresses of its own ({@link RawHttp}), so its failures never throttle another test's requests.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsIT extends IntegrationTest {

    private static final String PATH = "/api/audit/public-key"; // any authenticated user; cheap

    private void saveAccount(String username, String password) {
        var r = api.as("admin").put("/api/admin/users/" + username, Map.of("password", password, "roles", List.of("AUDITOR")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private int status(String address, String user, String password) {
        return new RawHttp(port, address).basic(user, password).header("Accept", "application/json").get(PATH).status();
    }

    @Test
    void aPasswordChangedWhileLoginsAreInFlightLeavesOnlyTheNewPasswordValid() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int trial = 1; trial <= 10; trial++) {
                String user = uniqueId("pw").toLowerCase();
                saveAccount(user, "old-password-" + trial);
                String hammer = "127.0.1." + trial; // a fresh address per trial: its failures stay under the limit
                AtomicBoolean changed = new AtomicBoolean();
                CountDownLatch started = new CountDownLatch(6);
                List<Future<?>> logins = new ArrayList<>();
                String old = "old-password-" + trial;
                for (int t = 0; t < 6; t++) {
                    logins.add(pool.submit(() -> {
                        started.countDown();
                        // logins with the old password, cold cache first; they stop once the change has been answered
                        while (!changed.get()) {
                            if (status(hammer, user, old) != 200) {
                                break;
                            }
                        }
                        return null;
                    }));
                }
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                saveAccount(user, "new-password-" + trial);
                changed.set(true);
                for (Future<?> f : logins) {
                    f.get(30, TimeUnit.SECONDS);
                }
                String checker = "127.0.2." + trial;
                assertThat(status(checker, user, old)).as("old password after the change, trial " + trial).isEqualTo(401);
                assertThat(status(checker, user, "new-password-" + trial)).as("new password, trial " + trial).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrongPasswordsForOneUserAreThrottledWhereverTheyComeFrom(CapturedOutput output) {
        String user = uniqueId("throttled").toLowerCase();
        saveAccount(user, "right-password");
        for (int i = 1; i <= 10; i++) {
            assertThat(status("127.0.3.1", user, "wrong-" + i)).as("wrong password " + i).isEqualTo(401);
        }
        RawHttp.Response limited = new RawHttp(port, "127.0.3.2").basic(user, "right-password").get(PATH);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.body()).contains("\"code\":\"TOO_MANY_FAILED_LOGINS\"");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(output.getAll()).contains("Failed login for user '" + user + "' from 127.0.3.1");
        // other users are not affected
        assertThat(status("127.0.3.2", "auditor", "demo")).isEqualTo(200);
    }

    @Test
    void wrongPasswordsFromOneAddressAreThrottledWhateverUserTheyName() {
        for (int i = 1; i <= 30; i++) {
            assertThat(status("127.0.4.1", uniqueId("nobody"), "guess")).as("guess " + i).isEqualTo(401);
        }
        RawHttp.Response limited = new RawHttp(port, "127.0.4.1").basic("auditor", "demo").get(PATH);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // the same account from another address still works, and successful logins never count
        for (int i = 0; i < 40; i++) {
            assertThat(status("127.0.4.2", "auditor", "demo")).isEqualTo(200);
        }
    }
}
