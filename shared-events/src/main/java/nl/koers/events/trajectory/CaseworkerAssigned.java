package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A caseworker took over the trajectory (first assignment or reassignment). */
@Revision("1")
public record CaseworkerAssigned(TrajectoryId trajectoryId, String caseworker, LocalDate assignedOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return assignedOn;
    }
}
