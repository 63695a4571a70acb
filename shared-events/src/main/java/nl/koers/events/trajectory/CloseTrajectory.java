package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close the trajectory. */
public record CloseTrajectory(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate closedOn, ClosureReason reason, String recordedBy) {
}
