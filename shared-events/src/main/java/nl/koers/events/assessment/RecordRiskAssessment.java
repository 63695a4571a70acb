package nl.koers.events.assessment;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Record a risk assessment. */
public record RecordRiskAssessment(@TargetAggregateIdentifier TrajectoryId trajectoryId, LocalDate assessedOn, Map<LifeDomain, RiskLevel> domains, RiskLevel overall, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("assessedOn", assessedOn));
    }
}
