package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Assign (or reassign) the responsible caseworker. */
public record AssignCaseworker(@TargetAggregateIdentifier TrajectoryId trajectoryId, String caseworker, LocalDate assignedOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("assignedOn", assignedOn));
    }
}
