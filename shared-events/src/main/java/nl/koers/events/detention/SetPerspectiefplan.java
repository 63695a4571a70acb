package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record the perspectiefplan of the current detention. */
public record SetPerspectiefplan(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate setOn, EncryptedValue summary, String recordedBy) {
}
