package nl.koers.platform.eventstore;

import nl.koers.platform.testing.MutableClock;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Event identifiers sort in the order they were made, as text too (the event table indexes them as text). */
class TimeOrderedIdentifiersTest {

    @Test
    void identifiersRiseAsTextEvenWhenTheClockStandsStillForThousandsOfThem() {
        TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers(
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(identifiers.generateIdentifier());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(made.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
    }

    @Test
    void aClockThatStepsBackDoesNotMakeAnEarlierIdentifier() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers(clock);
        String before = identifiers.generateIdentifier();
        clock.set(Instant.parse("2026-12-01T09:59:00Z"));

        assertThat(identifiers.generateIdentifier()).isGreaterThan(before);
    }

    @Test
    void threadsMakingIdentifiersAtOnceNeverMakeTheSameOneAndEachSeesThemRise() throws Exception {
        TimeOrderedIdentifiers identifiers = new TimeOrderedIdentifiers();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> made = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            made.add(threads.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    mine.add(identifiers.generateIdentifier());
                }
                return mine;
            }));
        }
        Set<String> all = new HashSet<>();
        for (Future<List<String>> mine : made) {
            assertThat(mine.get()).isSorted();
            all.addAll(mine.get());
        }
        threads.shutdown();

        assertThat(all).hasSize(80_000);
    }

    @Test
    void axonMakesItsEventIdentifiersWithIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        String earlier = GenericEventMessage.asEventMessage("one").getIdentifier();
        String later = GenericEventMessage.asEventMessage("two").getIdentifier();

        assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
        assertThat(later).isGreaterThan(earlier);
    }
}
