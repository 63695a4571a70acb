package nl.koers.events.correction;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Correct an earlier entry of this trajectory. */
public record CorrectEntry(@TargetAggregateIdentifier TrajectoryId trajectoryId, String correctedEventId, LocalDate correctedOn, LocalDate newOccurredOn, EncryptedValue explanation, String recordedBy) {
}
