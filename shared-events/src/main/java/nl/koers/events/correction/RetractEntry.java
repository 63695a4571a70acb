package nl.koers.events.correction;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Retract an earlier entry of this trajectory. */
public record RetractEntry(@TargetAggregateIdentifier TrajectoryId trajectoryId, String retractedEventId, LocalDate retractedOn, EncryptedValue explanation, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("retractedOn", retractedOn));
    }
}
