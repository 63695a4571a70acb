package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Close the trajectory. */
public record CloseTrajectory(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate closedOn, ClosureReason reason, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("closedOn", closedOn));
    }
}
