package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The scholings- en trainingsprogramma (STP, the last stage of detention outside the JJI) started. */
@Revision("1")
public record StpStarted(TrajectoryId trajectoryId, LocalDate startedOn, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return startedOn;
    }
}
