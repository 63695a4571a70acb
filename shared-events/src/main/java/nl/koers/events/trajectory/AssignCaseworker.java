package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Assign (or reassign) the responsible caseworker. */
public record AssignCaseworker(@TargetAggregateIdentifier TrajectoryId trajectoryId, String caseworker, LocalDate assignedOn, String recordedBy) {
}
