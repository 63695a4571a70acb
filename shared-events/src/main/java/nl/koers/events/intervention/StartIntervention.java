package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Start an intervention: a planned one (same id) or a new one. */
public record StartIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, String type, LocalDate startedOn, EncryptedValue note, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("startedOn", startedOn));
    }
}
