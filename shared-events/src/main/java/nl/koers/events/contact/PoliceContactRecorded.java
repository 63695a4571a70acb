package nl.koers.events.contact;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A police contact or Halt referral (kind from the catalogue); counts for the recidivism proxy.
 * Revision 2 names the business date {@code contactOn}; revision 1 called it {@code on} (upcast on read).
 */
@Revision("2")
public record PoliceContactRecorded(TrajectoryId trajectoryId, String kind, LocalDate contactOn, String recordedBy) implements TrajectoryEvent.Fact {
    @Override
    public LocalDate occurredOn() {
        return contactOn;
    }
}
