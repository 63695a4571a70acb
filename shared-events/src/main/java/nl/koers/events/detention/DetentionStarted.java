package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The youth entered a youth detention centre (JJI). */
@Revision("1")
public record DetentionStarted(TrajectoryId trajectoryId, DetentionType type, String facility, LocalDate startedOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return startedOn;
    }
}
