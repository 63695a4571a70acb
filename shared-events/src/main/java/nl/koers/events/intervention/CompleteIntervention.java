package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Complete a started intervention. */
public record CompleteIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, LocalDate completedOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("completedOn", completedOn));
    }
}
