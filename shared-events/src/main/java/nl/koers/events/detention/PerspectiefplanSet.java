package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The perspectiefplan (the plan for the youth's future after detention) was set. */
@Revision("1")
public record PerspectiefplanSet(TrajectoryId trajectoryId, LocalDate setOn, EncryptedValue summary, String recordedBy) implements TrajectoryEvent.Fact {
    @Override
    public LocalDate occurredOn() {
        return setOn;
    }
}
