package nl.koers.platform.eventstore;

import nl.koers.platform.testing.MutableClock;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
    void axonMakesItsEventIdentifiersWithIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
        String earlier = GenericEventMessage.asEventMessage("one").getIdentifier();
        String later = GenericEventMessage.asEventMessage("two").getIdentifier();

        assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
        assertThat(later).isGreaterThan(earlier);
    }
}
