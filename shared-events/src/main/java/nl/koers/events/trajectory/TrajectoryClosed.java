package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The trajectory ended; follow-up (police contacts, outcomes) may still be recorded for 24 months. */
@Revision("1")
public record TrajectoryClosed(TrajectoryId trajectoryId, LocalDate closedOn, ClosureReason reason, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return closedOn;
    }
}
