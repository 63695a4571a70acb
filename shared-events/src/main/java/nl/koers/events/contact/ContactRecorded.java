package nl.koers.events.contact;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A contact with the youth or their network (kind from the catalogue); the note is sealed. */
@Revision("1")
public record ContactRecorded(TrajectoryId trajectoryId, String kind, LocalDate contactOn, EncryptedValue note, String recordedBy) implements TrajectoryEvent.Fact {
    @Override
    public LocalDate occurredOn() {
        return contactOn;
    }
}
