package nl.koers.events.outcome;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record an outcome. */
public record RecordOutcome(@TargetAggregateIdentifier TrajectoryId trajectoryId, OutcomeKind kind, LocalDate achievedOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("achievedOn", achievedOn));
    }
}
