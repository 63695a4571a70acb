package nl.koers.events.outcome;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An outcome (school, qualification, work) was recorded; allowed as follow-up after close. */
@Revision("1")
public record OutcomeRecorded(TrajectoryId trajectoryId, OutcomeKind kind, LocalDate achievedOn, String recordedBy) implements TrajectoryEvent.Fact {
    @Override
    public LocalDate occurredOn() {
        return achievedOn;
    }
}
