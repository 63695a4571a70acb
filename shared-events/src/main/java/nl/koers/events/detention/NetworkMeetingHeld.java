package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The network meeting in the JJI was held (norm: within 7 days of intake). */
@Revision("1")
public record NetworkMeetingHeld(TrajectoryId trajectoryId, LocalDate heldOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
