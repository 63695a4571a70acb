package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Plan an intervention from the catalogue. */
public record PlanIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, String type, LocalDate plannedOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("plannedOn", plannedOn));
    }
}
