package nl.koers.platform.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;

/**
 * HTTP Basic login that checks the password hash (BCrypt: tens of milliseconds of CPU on purpose) once per user
 * and password every few minutes instead of on every request, and once for the logins that arrive while it runs. Everything else is the standard provider's: the
 * user is looked up on every request, so a removed, disabled or changed account takes effect at once, and an
 * unknown user still costs a full hash check (no timing hint that the name exists). It stands behind
 * {@link ThrottledLogins}, so a name that failed too often just now is refused before any check.
 */
final class CachingPasswordAuthenticationProvider extends DaoAuthenticationProvider {
    /** A busy client pays one hash check per five minutes; an idle one is forgotten soon after. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Far above users × clients of one instance; only reached if something is wrong, and then costs one hash. */
    static final int MAX_ENTRIES = 10_000;

    private final VerifiedCache<Boolean> verified;

    /**
     * {@code verified} is keyed by user name, stored hash and presented password: a changed password has another
     * hash, so an entry for the old one can never match again.
     */
    CachingPasswordAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                          VerifiedCache<Boolean> verified) {
        super(encoder);
        setUserDetailsService(users);
        this.verified = verified;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken login) {
        Object credentials = login.getCredentials();
        if (credentials == null || user.getPassword() == null) {
            super.additionalAuthenticationChecks(user, login); // refuses the login
            return;
        }
        verified.check(LIFETIME, () -> {
            // throws when the password does not match: nothing is remembered, and waiting logins fail with it
            super.additionalAuthenticationChecks(user, login);
            return Boolean.TRUE;
        }, user.getUsername(), user.getPassword(), credentials.toString());
    }
}
