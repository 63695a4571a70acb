package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An intervention from the catalogue started (planned before or not). */
@Revision("1")
public record InterventionStarted(TrajectoryId trajectoryId, InterventionId interventionId, String type, LocalDate startedOn, EncryptedValue note, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return startedOn;
    }
}
