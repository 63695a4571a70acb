package nl.koers.events.intervention;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Record an intervention that was not planned in advance: it started on {@code startedOn} and, when
 * {@code endedOn} is given, was also completed on that day. One command, so both facts are stored together or
 * not at all.
 */
public record RecordIntervention(@TargetAggregateIdentifier TrajectoryId trajectoryId, InterventionId interventionId, String type, LocalDate startedOn, LocalDate endedOn, EncryptedValue note, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("startedOn", startedOn), BusinessDate.optional("endedOn", endedOn));
    }
}
