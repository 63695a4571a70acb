package nl.koers.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The backoff of failed logins, on a clock the test moves: free tries, doubling waits, a cap, and a reset. */
class LoginThrottleBackoffTest {
    private final AtomicLong now = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    @Test
    void fourFailuresAreFreeThenTheWaitDoublesUpToHalfAMinute() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jeugdwerker");
        }
        assertThat(throttle.waitFor("jeugdwerker")).isZero();
        Duration[] expected = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30)};
        for (Duration wait : expected) {
            throttle.failed("jeugdwerker");
            assertThat(throttle.waitFor("jeugdwerker")).isEqualTo(wait);
            advance(wait);
            assertThat(throttle.waitFor("jeugdwerker")).isZero();
        }
        assertThat(throttle.waitFor("liaison")).as("another name").isZero();
    }

    @Test
    void aSuccessOrAQuietMinuteForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("jeugdwerker");
        }
        advance(Duration.ofSeconds(1));
        throttle.succeeded("jeugdwerker");
        throttle.failed("jeugdwerker");
        assertThat(throttle.waitFor("jeugdwerker")).isZero();

        for (int i = 0; i < 3; i++) {
            throttle.failed("jeugdwerker");
        }
        advance(Duration.ofSeconds(61));
        throttle.failed("jeugdwerker");
        assertThat(throttle.waitFor("jeugdwerker")).as("the count started again").isZero();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
