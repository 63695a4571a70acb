package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An intervention from the catalogue was planned. */
@Revision("1")
public record InterventionPlanned(TrajectoryId trajectoryId, InterventionId interventionId, String type, LocalDate plannedOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return plannedOn;
    }
}
