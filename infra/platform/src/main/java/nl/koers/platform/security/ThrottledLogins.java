package nl.koers.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import java.time.Duration;

/**
 * A password login behind the {@link LoginThrottle}, for every way in (HTTP Basic and the pages' form): a name that
 * failed too often just now is refused before its password is checked ({@link LoginThrottledException}), a wrong
 * password counts against the name, a right one forgets it.
 */
public final class ThrottledLogins implements AuthenticationProvider {
    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    public ThrottledLogins(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String name = login.getName();
        Duration wait = throttle.waitFor(name);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication authenticated = passwords.authenticate(login);
            if (authenticated != null) {
                throttle.succeeded(name);
            }
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(name);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
