package nl.koers.events.aftercare;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Aftercare started, on the day detention ended. */
@Revision("1")
public record AftercareStarted(TrajectoryId trajectoryId, LocalDate startedOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return startedOn;
    }
}
