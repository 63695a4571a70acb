package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Start an intervention: a planned one (same id) or a new one. */
public record StartIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, String type, LocalDate startedOn, EncryptedValue note, String recordedBy) {
}
