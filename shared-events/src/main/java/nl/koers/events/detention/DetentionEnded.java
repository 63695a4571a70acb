package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The youth left detention. */
@Revision("1")
public record DetentionEnded(TrajectoryId trajectoryId, LocalDate endedOn, ReleaseReason reason, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return endedOn;
    }
}
