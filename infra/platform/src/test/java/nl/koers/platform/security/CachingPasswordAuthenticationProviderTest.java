package nl.koers.platform.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTP Basic login with remembered password checks: the slow hash is checked once per user and password, and
 * nothing the cache keeps lets a wrong, changed or removed password in, or gives the password away.
 */
class CachingPasswordAuthenticationProviderTest {
    private static final String NAME = "jeugdwerker";
    private static final String PASSWORD = "koers-demo";

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger hashChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    /** Runs inside every hash check, before it compares. */
    private volatile Runnable duringCheck = () -> {
    };
    private final PasswordEncoder countingEncoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashChecks.incrementAndGet();
            duringCheck.run();
            return bcrypt.matches(raw, encoded);
        }
    };
    private InMemoryUserDetailsManager users;
    private VerifiedCache<Boolean> verified;
    private CachingPasswordAuthenticationProvider provider;

    @BeforeEach
    void setUp() {
        users = new InMemoryUserDetailsManager(account(PASSWORD));
        verified = new VerifiedCache<>(100, now::get);
        provider = new CachingPasswordAuthenticationProvider(users, countingEncoder, verified);
    }

    private User account(String password) {
        return (User) User.withUsername(NAME).password(bcrypt.encode(password))
                .authorities("ROLE_YOUTH_WORKER", "AREA_FA03").build();
    }

    private Authentication login(String name, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    @Test
    void theHashIsCheckedOnceForRepeatedLogins() {
        for (int i = 0; i < 5; i++) {
            Authentication auth = login(NAME, PASSWORD);
            assertThat(auth.isAuthenticated()).isTrue();
            assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .containsExactlyInAnyOrder("ROLE_YOUTH_WORKER", "AREA_FA03");
        }
        assertThat(hashChecks).hasValue(1);
    }

    /**
     * Logins with the same name and password, all sent while the first one's hash check runs (after a start, every
     * connection of a busy client at once): one check, every login answered by it.
     */
    private List<Object> loginsArrivingTogether(String password, int logins) throws Exception {
        CountDownLatch checkRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        duringCheck = () -> {
            checkRunning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        try {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                results.add(pool.submit(() -> {
                    threads.add(Thread.currentThread());
                    try {
                        return login(NAME, password);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            assertThat(checkRunning.await(10, TimeUnit.SECONDS)).isTrue();
            // every login is waiting: one in the check, the others for it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.size() < logins || !threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                assertThat(System.nanoTime()).as("all logins waiting").isLessThan(deadline);
                Thread.sleep(5);
            }
            release.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get(10, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loginsArrivingTogetherShareOneHashCheck() throws Exception {
        List<Object> outcomes = loginsArrivingTogether(PASSWORD, 8);
        assertThat(outcomes).hasSize(8).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Authentication.class)
                .extracting(o -> ((Authentication) o).isAuthenticated()).isEqualTo(true));
        assertThat(hashChecks).hasValue(1);
        login(NAME, PASSWORD);
        assertThat(hashChecks).as("and it is remembered").hasValue(1);
    }

    @Test
    void wrongPasswordsArrivingTogetherAllFailAndNothingIsRemembered() throws Exception {
        List<Object> outcomes = loginsArrivingTogether("geraden", 8);
        assertThat(outcomes).hasSize(8).allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOf(BadCredentialsException.class));
        assertThat(hashChecks).hasValue(1);
        assertThat(verified.ids()).isEmpty();
        assertThatThrownBy(() -> login(NAME, "geraden")).isInstanceOf(BadCredentialsException.class);
        assertThat(hashChecks).as("the next wrong guess pays the full hash again").hasValue(2);
        assertThat(login(NAME, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void aWrongPasswordAfterTheRightOneIsRefused() {
        login(NAME, PASSWORD);
        assertThatThrownBy(() -> login(NAME, PASSWORD + "!")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login(NAME, "")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("jeugdwerker-ams", PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void failedAttemptsAreNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login(NAME, "geraden")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(hashChecks).as("each wrong guess pays the full hash").hasValue(3);
        assertThat(verified.ids()).isEmpty();
    }

    @Test
    void aChangedPasswordRefusesTheOldOneAtOnce() {
        login(NAME, PASSWORD);
        users.updateUser(account("nieuw-wachtwoord"));
        assertThatThrownBy(() -> login(NAME, PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(login(NAME, "nieuw-wachtwoord").isAuthenticated()).isTrue();
    }

    @Test
    void aRemovedOrDisabledAccountIsRefusedDespiteARememberedLogin() {
        login(NAME, PASSWORD);
        users.updateUser(User.withUserDetails(users.loadUserByUsername(NAME)).disabled(true).build());
        assertThatThrownBy(() -> login(NAME, PASSWORD)).isInstanceOf(DisabledException.class);
        users.deleteUser(NAME);
        assertThatThrownBy(() -> login(NAME, PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aRememberedLoginExpires() {
        login(NAME, PASSWORD);
        now.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        login(NAME, PASSWORD);
        assertThat(hashChecks).hasValue(1);
        now.addAndGet(1);
        login(NAME, PASSWORD);
        assertThat(hashChecks).as("checked again after five minutes").hasValue(2);
    }

    @Test
    void whatIsKeptRevealsNeitherNameNorPassword() throws Exception {
        login(NAME, PASSWORD);
        assertThat(verified.ids()).hasSize(1);
        String entry = verified.ids().iterator().next();
        String hash = users.loadUserByUsername(NAME).getPassword();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        String unkeyed = HexFormat.of().formatHex(sha256.digest((NAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        String unkeyedPassword = HexFormat.of().formatHex(sha256.digest(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        assertThat(entry).matches("[0-9a-f]{64}")
                .doesNotContain(PASSWORD).doesNotContain(NAME)
                .doesNotContain(HexFormat.of().formatHex(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(unkeyed).isNotEqualTo(unkeyedPassword);
        VerifiedCache<Boolean> otherProcess = new VerifiedCache<>(100, now::get);
        otherProcess.put(true, Duration.ofMinutes(5), NAME, hash, PASSWORD);
        assertThat(otherProcess.ids()).as("a key of its own per process").doesNotContain(entry);
    }

    @Test
    void theNumberOfEntriesStaysBounded() {
        VerifiedCache<Boolean> small = new VerifiedCache<>(3, now::get);
        for (int i = 0; i < 10; i++) {
            small.put(true, Duration.ofMinutes(5), "user-" + i, "hash", PASSWORD);
            assertThat(small.ids()).hasSizeLessThanOrEqualTo(3);
        }
        assertThat(small.get("user-9", "hash", PASSWORD)).isTrue();
        assertThat(small.get("user-9", "other-hash", PASSWORD)).isNull();
        assertThat(small.get("user-9h", "ash", PASSWORD)).as("parts do not run into each other").isNull();
    }
}
