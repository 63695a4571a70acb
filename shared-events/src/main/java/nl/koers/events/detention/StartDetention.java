package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record the start of a detention in a JJI. */
public record StartDetention(@TargetAggregateIdentifier TrajectoryId trajectoryId, DetentionType type, String facility, LocalDate startedOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("startedOn", startedOn));
    }
}
