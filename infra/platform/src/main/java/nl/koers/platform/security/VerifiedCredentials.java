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
 * Remembers for a short time that a password matched a stored hash, so a client that sends the same credentials
 * with every request (HTTP Basic) pays for the deliberately slow hash check once, not per request.
 * <p>
 * An entry is an HMAC-SHA256, under a key made at random for this process, of user name, stored hash and
 * presented password: neither the password nor anything that can be tested against guesses without the key is
 * kept, and the key dies with the process. The stored hash is part of it, so a changed password never matches
 * an old entry. Only successful checks are remembered, which also bounds the size in practice; the hard bound
 * is a safety net.
 */
final class VerifiedCredentials {
    private static final HexFormat HEX = HexFormat.of();
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final long lifetimeNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<String, Long> expiryByEntry = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration lifetime, int maxEntries, LongSupplier nanoTime) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.lifetimeNanos = lifetime.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** Whether these credentials matched this stored hash within the lifetime. */
    boolean verified(String userName, String storedHash, String password) {
        String entry = entry(userName, storedHash, password);
        Long expiry = expiryByEntry.get(entry);
        if (expiry == null) {
            return false;
        }
        if (nanoTime.getAsLong() - expiry >= 0) {
            expiryByEntry.remove(entry, expiry);
            return false;
        }
        return true;
    }

    /** Call only after the real check succeeded. */
    void remember(String userName, String storedHash, String password) {
        long now = nanoTime.getAsLong();
        if (expiryByEntry.size() >= maxEntries) {
            expiryByEntry.values().removeIf(expiry -> now - expiry >= 0);
            if (expiryByEntry.size() >= maxEntries) {
                expiryByEntry.clear();
            }
        }
        expiryByEntry.put(entry(userName, storedHash, password), now + lifetimeNanos);
    }

    /** What is kept, for tests: the entries as stored. */
    Set<String> entries() {
        return Set.copyOf(expiryByEntry.keySet());
    }

    private String entry(String userName, String storedHash, String password) {
        Mac mac = macs.get();
        for (String part : new String[]{userName, storedHash, password}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            // length-prefixed, so no two different triples give the same input
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
