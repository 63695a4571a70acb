package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Move the trajectory to another CBS district. */
public record TransferTrajectory(@TargetAggregateIdentifier TrajectoryId trajectoryId, CbsWijkCode toNeighbourhood, FocusAreaCode toFocusArea, LocalDate transferredOn, String recordedBy) {
}
