package nl.koers.events.correction;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Correct an earlier entry of this trajectory. */
public record CorrectEntry(@TargetAggregateIdentifier TrajectoryId trajectoryId, String correctedEventId, LocalDate correctedOn, LocalDate newOccurredOn, EncryptedValue explanation, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("correctedOn", correctedOn), BusinessDate.optional("newOccurredOn", newOccurredOn));
    }
}
