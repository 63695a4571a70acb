package nl.koers.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing per user name, before the password hash is checked (so guesses stop costing CPU
 * too): after {@value #FREE_FAILURES} failed logins in a row (no pause of a minute between them) the name must wait
 * 1 s before its next check, then 2, 4, 8, 16 and at most {@link #LONGEST_WAIT}; one success forgets the name. The
 * real user is locked out for at most half a minute after an attack stops, and other names are not affected.
 * <p>
 * Names are kept only as HMACs under a per-process key ({@link SecretIds}), at most {@value #MAX_NAMES} of them:
 * when full, names whose failures lie a minute back make room, and a new name beyond that is not throttled (filling
 * the table takes {@value #MAX_NAMES} failed password checks within a minute, far beyond what the hash cost allows).
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration QUIET = Duration.ofMinutes(1);
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    static final int MAX_NAMES = 10_000;

    private record Failures(int count, long lastNanos, long blockedUntilNanos) {
    }

    private final SecretIds ids = new SecretIds();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public LoginThrottle() {
        this(System::nanoTime);
    }

    LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long this name must wait before its password is checked again; zero when it may try now. */
    public Duration waitFor(String username) {
        Failures known = failures.get(ids.of(username));
        long left = known == null ? 0 : known.blockedUntilNanos() - nanoTime.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    public void failed(String username) {
        long now = nanoTime.getAsLong();
        String id = ids.of(username);
        if (!failures.containsKey(id) && failures.size() >= MAX_NAMES) {
            failures.values().removeIf(f -> quiet(f, now));
            if (failures.size() >= MAX_NAMES) {
                return;
            }
        }
        failures.compute(id, (key, before) -> {
            int count = before == null || quiet(before, now) ? 1 : before.count() + 1;
            long blockedUntil = count < FREE_FAILURES ? now : now + wait(count).toNanos();
            return new Failures(count, now, blockedUntil);
        });
    }

    public void succeeded(String username) {
        failures.remove(ids.of(username));
    }

    /** The wait after the {@code count}-th failure in a row: doubling from the first that is not free. */
    static Duration wait(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static boolean quiet(Failures f, long now) {
        return now - f.lastNanos() > QUIET.toNanos() && now - f.blockedUntilNanos() > 0;
    }
}
