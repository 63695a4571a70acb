package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An intervention was completed. */
@Revision("1")
public record InterventionCompleted(TrajectoryId trajectoryId, InterventionId interventionId, LocalDate completedOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return completedOn;
    }
}
