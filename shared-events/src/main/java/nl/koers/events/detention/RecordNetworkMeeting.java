package nl.koers.events.detention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record the network meeting of the current detention. */
public record RecordNetworkMeeting(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate heldOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("heldOn", heldOn));
    }
}
