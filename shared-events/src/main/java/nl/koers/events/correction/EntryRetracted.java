package nl.koers.events.correction;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An earlier entry was retracted (recorded in error). The original stays in the log. */
@Revision("1")
public record EntryRetracted(TrajectoryId trajectoryId, String retractedEventId, LocalDate retractedOn, EncryptedValue explanation, String recordedBy) implements TrajectoryEvent.Amendment {
    @Override
    public LocalDate occurredOn() {
        return retractedOn;
    }
}
