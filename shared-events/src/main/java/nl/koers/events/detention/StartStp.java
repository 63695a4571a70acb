package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record the start of the STP stage of the current detention. */
public record StartStp(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate startedOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("startedOn", startedOn));
    }
}
