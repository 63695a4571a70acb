package nl.koers.platform.eventstore;

import org.axonframework.common.IdentifierFactory;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

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
    private static final int COUNTER_BITS = 12;
    private final Clock clock;
    /** The last (milliseconds, counter) handed out, as one number: a counter that runs over moves on a millisecond. */
    private final AtomicLong last = new AtomicLong();

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

    /** Strictly rising within this JVM, also when the clock stands still or steps back; lock-free. */
    UUID next() {
        long now = clock.millis() << COUNTER_BITS;
        long moment = last.updateAndGet(previous -> Math.max(previous + 1, now));
        long millis = moment >>> COUNTER_BITS;
        long counter = moment & ((1L << COUNTER_BITS) - 1);
        long mostSignificant = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        // uniqueness across replicas rests on these 62 bits; they need not be unpredictable (ids are no secrets)
        long leastSignificant = ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
