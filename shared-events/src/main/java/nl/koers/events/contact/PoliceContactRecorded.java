package nl.koers.events.contact;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A police contact or Halt referral (kind from the catalogue); counts for the recidivism proxy. */
@Revision("1")
public record PoliceContactRecorded(TrajectoryId trajectoryId, String kind, LocalDate contactOn, String recordedBy) implements TrajectoryEvent {
    @Override
    public LocalDate occurredOn() {
        return contactOn;
    }
}
