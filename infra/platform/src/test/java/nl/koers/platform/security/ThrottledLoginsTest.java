package nl.koers.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Any password login behind the throttle (the API's and the login form's): a throttled guess is never checked. */
class ThrottledLoginsTest {
    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider wrongEveryTime = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication login) {
            checks.incrementAndGet();
            throw new BadCredentialsException("wrong");
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    @Test
    void afterFiveWrongPasswordsTheNextGuessIsRefusedUnchecked() {
        ThrottledLogins logins = new ThrottledLogins(wrongEveryTime, new LoginThrottle());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> logins.authenticate(guess("jeugdwerker")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> logins.authenticate(guess("jeugdwerker")))
                .isInstanceOf(LoginThrottledException.class)
                .satisfies(e -> assertThat(((LoginThrottledException) e).retryAfterSeconds()).isEqualTo(1));
        assertThat(checks).as("password checks").hasValue(5);
        assertThatThrownBy(() -> logins.authenticate(guess("liaison"))).isInstanceOf(BadCredentialsException.class);
    }

    private static Authentication guess(String user) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, "geraden");
    }
}
