package nl.koers.events.contact;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record a police contact or Halt referral. */
public record RecordPoliceContact(@TargetAggregateIdentifier TrajectoryId trajectoryId, String kind, LocalDate contactOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("on", contactOn)); // the request calls the date "on" (api.md)
    }
}
