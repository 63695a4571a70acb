package nl.koers.events.contact;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record a contact. */
public record RecordContact(@TargetAggregateIdentifier TrajectoryId trajectoryId, String kind, LocalDate contactOn, EncryptedValue note, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("contactOn", contactOn));
    }
}
