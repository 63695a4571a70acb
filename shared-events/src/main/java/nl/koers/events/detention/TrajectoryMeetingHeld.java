package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The trajectory meeting in the home region was held. */
@Revision("1")
public record TrajectoryMeetingHeld(TrajectoryId trajectoryId, LocalDate heldOn, String recordedBy) implements TrajectoryEvent.Fact {
    @Override
    public LocalDate occurredOn() {
        return heldOn;
    }
}
