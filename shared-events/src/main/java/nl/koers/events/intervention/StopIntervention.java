package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Stop an intervention before completion. */
public record StopIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, LocalDate stoppedOn, StopReason reason, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("stoppedOn", stoppedOn));
    }
}
