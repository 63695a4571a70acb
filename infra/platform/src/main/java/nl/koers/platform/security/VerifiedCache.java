package nl.koers.platform.security;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Remembers for a short time what a slow check of a secret concluded (this password matches this hash, this
 * token's signature is valid), so a client that sends the same secret with every request pays for the check
 * once, not per request.
 * <p>
 * An entry is found by an HMAC of the secret material ({@link SecretIds}): neither the secret nor anything that
 * can be tested against guesses without the process's key is kept. Callers remember only successful checks, which
 * also bounds the size in practice; the hard bound is a safety net.
 * <p>
 * Threads that ask about the same material while its check runs wait for that one check ({@link #check}): after a
 * start, the first requests of a busy client arrive together, and each paid for the whole check (BCrypt: a tenth
 * of a second of CPU each, 32 clients of one user kept two cores busy for seconds).
 *
 * @param <V> what the check concluded
 */
final class VerifiedCache<V> {
    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final SecretIds secretIds = new SecretIds();
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    VerifiedCache(int maxEntries, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** What was concluded about exactly this material within its lifetime, or null. */
    V get(String... material) {
        return known(id(material));
    }

    /**
     * What was concluded about exactly this material within its lifetime; else what {@code check} concludes now,
     * remembered for {@code lifetime} unless null. Threads asking about the same material meanwhile get the same
     * conclusion, or the same exception, from this one check instead of running their own. Only identical material
     * shares a check: the HMAC id covers all of it, so another password for the same user runs its own.
     */
    V check(Duration lifetime, Supplier<V> check, String... material) {
        String id = id(material);
        V known = known(id);
        if (known != null) {
            return known;
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(id, mine);
        if (other != null) {
            try {
                return other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            V value = check.get();
            if (value != null) {
                remember(id, value, lifetime);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(id, mine);
        }
    }

    private V known(String id) {
        Entry<V> entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(id, entry);
            return null;
        }
        return entry.value();
    }

    /** Call only after the real check succeeded. */
    void put(V value, Duration lifetime, String... material) {
        remember(id(material), value, lifetime);
    }

    private void remember(String id, V value, Duration lifetime) {
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(id, new Entry<>(value, now + lifetime.toNanos()));
    }

    /** What is kept to find entries, for tests. */
    Set<String> ids() {
        return Set.copyOf(entries.keySet());
    }

    private String id(String... material) {
        return secretIds.of(material);
    }
}
