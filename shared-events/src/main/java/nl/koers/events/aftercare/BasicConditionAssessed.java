package nl.koers.events.aftercare;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A basic condition for re-integration was assessed. */
@Revision("1")
public record BasicConditionAssessed(TrajectoryId trajectoryId, BasicCondition condition, ConditionStatus status, LocalDate assessedOn, String recordedBy) implements TrajectoryEvent.Fact {
    @Override
    public LocalDate occurredOn() {
        return assessedOn;
    }
}
