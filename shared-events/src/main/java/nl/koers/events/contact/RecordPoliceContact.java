package nl.koers.events.contact;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a police contact or Halt referral. */
public record RecordPoliceContact(@TargetAggregateIdentifier TrajectoryId trajectoryId, String kind, LocalDate contactOn, String recordedBy) {
}
