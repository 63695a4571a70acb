package nl.koers.platform.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers for a short time what a slow check of a secret concluded (this password matches this hash, this
 * token's signature is valid), so a client that sends the same secret with every request pays for the check
 * once, not per request.
 * <p>
 * An entry is found by an HMAC-SHA256, under a key made at random for this process, of the secret material:
 * neither the secret nor anything that can be tested against guesses without the key is kept, and the key dies
 * with the process. Callers remember only successful checks, which also bounds the size in practice; the hard
 * bound is a safety net.
 *
 * @param <V> what the check concluded
 */
final class VerifiedCache<V> {
    private static final HexFormat HEX = HexFormat.of();

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    VerifiedCache(int maxEntries, LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** What was concluded about exactly this material within its lifetime, or null. */
    V get(String... material) {
        String id = id(material);
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
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(id(material), new Entry<>(value, now + lifetime.toNanos()));
    }

    /** What is kept to find entries, for tests. */
    Set<String> ids() {
        return Set.copyOf(entries.keySet());
    }

    private String id(String... material) {
        Mac mac = macs.get();
        for (String part : material) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            // length-prefixed, so no two different lists of parts give the same input
            mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            mac.update(bytes);
        }
        return HEX.formatHex(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
