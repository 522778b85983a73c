package io.zhenggai.app.security;

import io.zhenggai.platform.digest.Sha256;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers successful Basic authentications for a short time so that BCrypt runs once per user and password per
 * {@code ttl}, not on every request. The key is the user name, a SHA-256 of the password and the account's credential
 * version <em>stored now</em> — its password hash, roles and grants ({@code SecurityConfig.CREDENTIAL_VERSION}) —
 * read on every request (one query by primary keys). A password change stores a new hash (BCrypt salts every
 * encoding), a role or grant change changes the roles or grants, so an entry verified before can never match again —
 * on this node or any other one sharing the database (ADR 0049), and even when a login check that raced the change
 * puts it into the cache after the change. Failures are never cached; a disabled or deleted account has no stored
 * version and always goes to the delegate.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Function<String, Optional<String>> storedHash;
    private final Cache<String, Authentication> verified;

    CachingAuthenticationProvider(AuthenticationProvider delegate, Function<String, Optional<String>> storedHash,
                                  Duration ttl, long maxEntries) {
        this.delegate = delegate;
        this.storedHash = storedHash;
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Object credentials = authentication.getCredentials();
        Optional<String> stored = credentials == null ? Optional.empty() : storedHash.apply(authentication.getName());
        if (stored.isEmpty()) {
            return delegate.authenticate(authentication);
        }
        // read the stored hash before verifying: if a change lands in between, the entry carries the old hash
        String key = authentication.getName() + ':' + Sha256.hex(credentials.toString()) + ':' + Sha256.hex(stored.get());
        Authentication cached = verified.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.put(key, result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
