package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record the perspectiefplan of the current detention. */
public record SetPerspectiefplan(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate setOn, EncryptedValue summary, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("setOn", setOn));
    }
}
