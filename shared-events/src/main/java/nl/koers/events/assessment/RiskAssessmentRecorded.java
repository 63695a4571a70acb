package nl.koers.events.assessment;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Map;

/** A structured risk assessment per life domain with an overall level. */
@Revision("1")
public record RiskAssessmentRecorded(TrajectoryId trajectoryId, LocalDate assessedOn, Map<LifeDomain, RiskLevel> domains, RiskLevel overall, String recordedBy) implements TrajectoryEvent.Fact {
    @Override
    public LocalDate occurredOn() {
        return assessedOn;
    }
}
