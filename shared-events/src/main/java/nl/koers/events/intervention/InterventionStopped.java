package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An intervention stopped before completion. */
@Revision("1")
public record InterventionStopped(TrajectoryId trajectoryId, InterventionId interventionId, LocalDate stoppedOn, StopReason reason, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return stoppedOn;
    }
}
