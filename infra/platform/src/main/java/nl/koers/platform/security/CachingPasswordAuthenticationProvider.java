package nl.koers.platform.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;

/**
 * HTTP Basic login that checks the password hash (BCrypt: tens of milliseconds of CPU on purpose) once per user
 * and password every few minutes instead of on every request. Everything else is the standard provider's: the
 * user is looked up on every request, so a removed, disabled or changed account takes effect at once, and an
 * unknown user still costs a full hash check (no timing hint that the name exists).
 */
final class CachingPasswordAuthenticationProvider extends DaoAuthenticationProvider {
    /** Short enough that a password leaked and then changed cannot outlive it; long enough to spare the CPU. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Far above users × clients of one instance; only reached if something is wrong, and then costs one hash. */
    static final int MAX_ENTRIES = 10_000;

    private final VerifiedCredentials verified;

    CachingPasswordAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                          VerifiedCredentials verified) {
        super(encoder);
        setUserDetailsService(users);
        this.verified = verified;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken login) {
        Object credentials = login.getCredentials();
        if (credentials != null && user.getPassword() != null
                && verified.verified(user.getUsername(), user.getPassword(), credentials.toString())) {
            return;
        }
        super.additionalAuthenticationChecks(user, login); // throws when the password does not match
        verified.remember(user.getUsername(), user.getPassword(), credentials.toString());
    }
}
