package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Move the trajectory to another CBS district. */
public record TransferTrajectory(@TargetAggregateIdentifier TrajectoryId trajectoryId, CbsWijkCode toNeighbourhood, FocusAreaCode toFocusArea, LocalDate transferredOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("transferredOn", transferredOn));
    }
}
