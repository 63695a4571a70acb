package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Complete a started intervention. */
public record CompleteIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, LocalDate completedOn, String recordedBy) {
}
