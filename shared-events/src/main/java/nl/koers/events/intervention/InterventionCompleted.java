package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An intervention was completed. */
@Revision("1")
public record InterventionCompleted(TrajectoryId trajectoryId, InterventionId interventionId, LocalDate completedOn, String recordedBy) implements TrajectoryEvent {
    @Override
    public LocalDate occurredOn() {
        return completedOn;
    }

    @Override
    public EntryKind entryKind() {
        return EntryKind.STATE_CHANGE;
    }
}
