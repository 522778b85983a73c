package io.zhenggai.app.security;

import io.zhenggai.platform.web.KeyedRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.OptionalLong;

/**
 * Throttles wrong passwords per user name and per client address (Bucket4j, in memory): at most {@code capacity}
 * failures per period each (Bucket4j interval refill: used tokens come back together when the period ends). Only a
 * failure takes a token, after the password was checked, so correct logins never use up a bucket however many run
 * at once. With either bucket empty the attempt is refused without checking the password: 429 problem+json with
 * {@code Retry-After} (see {@link SecurityConfig}); so the BCrypt work an attacker can cause per period is bounded by
 * the capacity plus the attempts in flight when it ran out. Failed logins are logged with user name and address;
 * throttled ones are not (that would let an attacker fill the log).
 */
final class LoginThrottle implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AuthenticationProvider delegate;
    private final KeyedRateLimiter perUser;
    private final KeyedRateLimiter perAddress;

    LoginThrottle(AuthenticationProvider delegate, KeyedRateLimiter perUser, KeyedRateLimiter perAddress) {
        this.delegate = delegate;
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** Refused because too many wrong passwords came for this user or from this address. */
    static final class ThrottledException extends AuthenticationException {
        final long retryAfterSeconds;

        ThrottledException(long retryAfterSeconds) {
            super("too many failed logins");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String user = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        String userKey = "user:" + user;
        OptionalLong wait = perUser.waitFor(userKey);
        if (wait.isEmpty()) {
            wait = perAddress.waitFor(address);
        }
        if (wait.isPresent()) {
            throw new ThrottledException(wait.getAsLong());
        }
        try {
            return delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            perUser.charge(userKey);
            perAddress.charge(address);
            log.warn("Failed login for user '{}' from {}", printable(user), address);
            throw e;
        }
    }

    private static String printable(String user) {
        String u = user == null ? "" : user.replaceAll("\\p{Cntrl}", "?");
        return u.length() > 64 ? u.substring(0, 64) + "…" : u;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
