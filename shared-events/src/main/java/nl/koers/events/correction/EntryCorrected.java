package nl.koers.events.correction;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An earlier entry was corrected: the corrected business date and/or a sealed explanation. The original stays. */
@Revision("1")
public record EntryCorrected(TrajectoryId trajectoryId, String correctedEventId, LocalDate correctedOn, LocalDate newOccurredOn, EncryptedValue explanation, String recordedBy) implements TrajectoryEvent.Amendment {
    @Override
    public LocalDate occurredOn() {
        return correctedOn;
    }
}
