package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The trajectory moved to another CBS district (and possibly another focus area). */
@Revision("1")
public record TrajectoryTransferred(TrajectoryId trajectoryId, CbsWijkCode fromNeighbourhood, CbsWijkCode toNeighbourhood, FocusAreaCode toFocusArea, LocalDate transferredOn, String recordedBy) implements TrajectoryEvent {
    @Override
    public LocalDate occurredOn() {
        return transferredOn;
    }

    @Override
    public EntryKind entryKind() {
        return EntryKind.STATE_CHANGE;
    }
}
