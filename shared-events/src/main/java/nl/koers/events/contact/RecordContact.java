package nl.koers.events.contact;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a contact. */
public record RecordContact(@TargetAggregateIdentifier TrajectoryId trajectoryId, String kind, LocalDate contactOn, EncryptedValue note, String recordedBy) {
}
