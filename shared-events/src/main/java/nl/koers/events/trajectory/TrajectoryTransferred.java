package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The trajectory moved to another CBS district (and possibly another focus area). */
@Revision("1")
public record TrajectoryTransferred(TrajectoryId trajectoryId, CbsWijkCode fromNeighbourhood, CbsWijkCode toNeighbourhood, FocusAreaCode toFocusArea, LocalDate transferredOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return transferredOn;
    }
}
