package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record the end of the current detention; aftercare starts the same day. */
public record EndDetention(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate endedOn, ReleaseReason reason, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("endedOn", endedOn));
    }
}
