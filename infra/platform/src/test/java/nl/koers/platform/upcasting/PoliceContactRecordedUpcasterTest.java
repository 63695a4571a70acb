package nl.koers.platform.upcasting;

import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.platform.axon.AxonConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A police contact stored with revision 1 ({@code on}) reads as revision 2 ({@code contactOn}). */
class PoliceContactRecordedUpcasterTest {
    private static final String TRAJECTORY = "0b8f5a52-3c1e-4f43-9d7a-6f0e2b1c9a01";
    private final Serializer serializer = AxonConfiguration.jacksonSerializer();
    private final EventUpcasterChain chain = new EventUpcasterChain(new PoliceContactRecordedUpcaster());

    private IntermediateEventRepresentation upcast(String type, String revision, String json) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Trajectory", TRAJECTORY, 4,
                "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "2024-05-17T12:00:00Z", type, revision, json, "{}");
        return chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).findFirst().orElseThrow();
    }

    @Test
    void revisionOneNamedTheDateOn() {
        IntermediateEventRepresentation read = upcast(PoliceContactRecorded.class.getName(), "1", """
                {"trajectoryId":"%s","kind":"HALT_REFERRAL","on":"2024-05-17","recordedBy":"jeugdwerker"}"""
                .formatted(TRAJECTORY));

        assertThat(read.getType().getRevision()).isEqualTo("2");
        PoliceContactRecorded contact = serializer.deserialize(read.getData());
        assertThat(contact.contactOn()).isEqualTo(LocalDate.of(2024, 5, 17));
        assertThat(contact.kind()).isEqualTo("HALT_REFERRAL");
        assertThat(contact.recordedBy()).isEqualTo("jeugdwerker");
    }

    @Test
    void aRevisionOneDocumentThatAlreadyUsesContactOnKeepsItsDate() {
        IntermediateEventRepresentation read = upcast(PoliceContactRecorded.class.getName(), "1", """
                {"trajectoryId":"%s","kind":"ARREST","contactOn":"2025-01-02","recordedBy":"jeugdwerker"}"""
                .formatted(TRAJECTORY));

        PoliceContactRecorded contact = serializer.deserialize(read.getData());
        assertThat(contact.contactOn()).isEqualTo(LocalDate.of(2025, 1, 2));
    }

    @Test
    void otherEventsAndTheCurrentRevisionPassUntouched() {
        IntermediateEventRepresentation current = upcast(PoliceContactRecorded.class.getName(), "2", """
                {"trajectoryId":"%s","kind":"ARREST","contactOn":"2025-01-02","recordedBy":"jeugdwerker"}"""
                .formatted(TRAJECTORY));
        IntermediateEventRepresentation other = upcast(NetworkMeetingHeld.class.getName(), "1", """
                {"trajectoryId":"%s","heldOn":"2025-01-02","recordedBy":"jeugdwerker"}""".formatted(TRAJECTORY));

        assertThat(current.getType().getRevision()).isEqualTo("2");
        assertThat(other.getType().getName()).isEqualTo(NetworkMeetingHeld.class.getName());
        assertThat(other.getType().getRevision()).isEqualTo("1");
        NetworkMeetingHeld meeting = serializer.deserialize(other.getData());
        assertThat(meeting.heldOn()).isEqualTo(LocalDate.of(2025, 1, 2));
    }
}
