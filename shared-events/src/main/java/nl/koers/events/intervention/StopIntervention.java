package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Stop an intervention before completion. */
public record StopIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, LocalDate stoppedOn, StopReason reason, String recordedBy) {
}
