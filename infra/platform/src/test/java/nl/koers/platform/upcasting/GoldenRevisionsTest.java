package nl.koers.platform.upcasting;

import nl.koers.events.GoldenSamples;
import nl.koers.platform.axon.AxonConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events are never rewritten: every golden file of an earlier revision (shared-events' test jar) must
 * still read as today's sample of its event through the upcasters, in the revision the code knows.
 */
class GoldenRevisionsTest {
    private final Serializer serializer = AxonConfiguration.jacksonSerializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new PoliceContactRecordedUpcaster());

    @Test
    void everyOlderRevisionReadsAsTodaysSample() throws Exception {
        int older = 0;
        for (GoldenSamples.GoldenFile file : GoldenSamples.files()) {
            Object sample = GoldenSamples.sampleOf(file.event());
            String current = serializer.typeForClass(sample.getClass()).getRevision();
            if (current.equals(file.revision())) {
                continue;
            }
            older++;
            IntermediateEventRepresentation upcast = upcast(sample.getClass().getName(), file.revision(), file.json());
            assertThat(upcast.getType().getRevision()).as(file.name()).isEqualTo(current);
            Object read = serializer.deserialize(upcast.getData());
            assertThat(read).as("%s read as revision %s", file.name(), current).isEqualTo(sample);
        }
        assertThat(older).as("older revisions under test").isGreaterThanOrEqualTo(1);
    }

    private IntermediateEventRepresentation upcast(String type, String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Trajectory", GoldenSamples.ID.value(),
                3, "0e7c1d2b-6a5f-4e3d-9c2b-1a0f9e8d7c6b", "2025-10-30T12:00:00Z", type, revision, json, "{}");
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).findFirst()
                .orElseThrow();
    }
}
