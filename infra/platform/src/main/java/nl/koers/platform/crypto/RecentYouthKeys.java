package nl.koers.platform.crypto;

import nl.koers.events.common.YouthId;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The youth keys this replica used lately, unwrapped, so that sealing and opening need no MongoDB read each time.
 * Bounded (the {@value #MAX_KEYS} used last) and short-lived: an erasure on another replica deletes the key from
 * MongoDB only, so a copy held here is dropped after {@link #MAX_AGE} and the next use reads MongoDB again (and
 * finds the youth erased). Unbounded and without an age, a replica kept opening an erased youth's data for as long
 * as it ran, and held a key for every youth it had ever seen.
 */
final class RecentYouthKeys {
    static final int MAX_KEYS = 10_000;
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private record Entry(SecretKey key, Instant loaded) {
    }

    private final Clock clock;
    private final Map<YouthId, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<YouthId, Entry> eldest) {
            return size() > MAX_KEYS;
        }
    };

    RecentYouthKeys(Clock clock) {
        this.clock = clock;
    }

    /** The key, if it was loaded here less than {@link #MAX_AGE} ago. */
    synchronized SecretKey get(YouthId youth) {
        Entry entry = entries.get(youth);
        if (entry == null) {
            return null;
        }
        if (clock.instant().isAfter(entry.loaded().plus(MAX_AGE))) {
            entries.remove(youth);
            return null;
        }
        return entry.key();
    }

    synchronized void put(YouthId youth, SecretKey key) {
        entries.put(youth, new Entry(key, clock.instant()));
    }

    synchronized void remove(YouthId youth) {
        entries.remove(youth);
    }
}
