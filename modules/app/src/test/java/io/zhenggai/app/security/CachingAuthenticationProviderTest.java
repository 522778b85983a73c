package io.zhenggai.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    /** The store: user "zhang" with one password; the delegate checks against what is stored when it runs. */
    private final AtomicReference<String> storedPassword = new AtomicReference<>("old-password");
    private final AtomicReference<String> storedHash = new AtomicReference<>("hash-1");
    private final AtomicInteger delegateCalls = new AtomicInteger();
    private Runnable duringCheck = () -> {
    };

    private final AuthenticationProvider delegate = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            delegateCalls.incrementAndGet();
            String password = storedPassword.get(); // loaded before the (slow) BCrypt check
            duringCheck.run();
            if (!password.equals(a.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR"));
        }

        @Override
        public boolean supports(Class<?> c) {
            return true;
        }
    };

    private final CachingAuthenticationProvider cache = new CachingAuthenticationProvider(delegate,
            user -> user.equals("zhang") ? Optional.of(storedHash.get()) : Optional.empty(), Duration.ofMinutes(5), 100);

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("zhang", password);
    }

    private void changePassword(String password, String hash) {
        storedPassword.set(password);
        storedHash.set(hash);
    }

    @Test
    void aVerifiedCredentialIsCheckedOnceThenServedFromTheCache() {
        assertThat(cache.authenticate(login("old-password")).isAuthenticated()).isTrue();
        assertThat(cache.authenticate(login("old-password")).isAuthenticated()).isTrue();
        assertThat(delegateCalls).hasValue(1);
    }

    @Test
    void aCheckThatRacesAPasswordChangeDoesNotKeepTheOldPasswordValid() {
        // the check has loaded the old password when the change lands; it succeeds and caches its result afterwards
        duringCheck = () -> changePassword("new-password", "hash-2");
        assertThat(cache.authenticate(login("old-password")).isAuthenticated()).isTrue();
        duringCheck = () -> {
        };

        assertThatThrownBy(() -> cache.authenticate(login("old-password"))).isInstanceOf(BadCredentialsException.class);
        assertThat(cache.authenticate(login("new-password")).isAuthenticated()).isTrue();
    }

    @Test
    void aChangedPasswordNoLongerMatchesACachedEntry() {
        cache.authenticate(login("old-password"));
        changePassword("new-password", "hash-2");
        assertThatThrownBy(() -> cache.authenticate(login("old-password"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void failuresAreNeverCached() {
        assertThatThrownBy(() -> cache.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(delegateCalls).hasValue(2);
    }
}
