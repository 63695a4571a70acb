package nl.koers.events.aftercare;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record the assessment of a basic condition. */
public record AssessBasicCondition(@TargetAggregateIdentifier TrajectoryId trajectoryId, BasicCondition condition, ConditionStatus status, LocalDate assessedOn, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("assessedOn", assessedOn));
    }
}
