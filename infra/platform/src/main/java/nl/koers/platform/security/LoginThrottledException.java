package nl.koers.platform.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A login refused unchecked because its user name failed too often just now ({@link LoginThrottle}): 429. */
public class LoginThrottledException extends AuthenticationException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed logins for this user name");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least 1: the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
