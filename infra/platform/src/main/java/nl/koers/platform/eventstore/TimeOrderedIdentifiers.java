package nl.koers.platform.eventstore;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Message identifiers (events above all) as time-ordered UUIDs (RFC 9562 version 7): milliseconds since the
 * epoch, then a counter within the millisecond, then 62 random bits. The event table's unique index on the
 * identifier then grows at its right edge, as the global index does, instead of at a random page: with random
 * identifiers every append rewrote a leaf page of that index somewhere in the file, and a bulk append of a
 * thousand events about a thousand of them. The time an identifier shows is the moment its event was recorded,
 * which the event's own timestamp already carries; identifiers stay opaque UUIDs to everything that reads them.
 * Installed through {@code META-INF/services}, as Axon looks it up.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {
    private static final long COUNTER_MAX = 0xFFF;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private long lastMillis;
    private long counter;

    public TimeOrderedIdentifiers() {
        this(Clock.systemUTC());
    }

    TimeOrderedIdentifiers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String generateIdentifier() {
        return next().toString();
    }

    /** Strictly rising within this JVM, also when the clock stands still or steps back. */
    synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(0x400); // starts low, so a busy millisecond has room to count
        } else if (++counter > COUNTER_MAX) {
            lastMillis++;
            counter = 0;
        }
        long mostSignificant = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long leastSignificant = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
