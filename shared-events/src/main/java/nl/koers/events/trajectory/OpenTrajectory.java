package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Open a trajectory for a youth whose identity the command side has already resolved and sealed; {@code caseworker}
 * becomes its caseworker from the opening day (the opener, unless the request named another).
 */
public record OpenTrajectory(@TargetAggregateIdentifier TrajectoryId trajectoryId, YouthId youthId, CbsWijkCode neighbourhood, FocusAreaCode focusArea, LocalDate openedOn, ReferralSource referralSource, EncryptedValue referralReason, SealedYouth youth, int ageAtOpening, String caseworker, String recordedBy) implements DatedCommand {
    @Override
    public List<BusinessDate> businessDates() {
        return List.of(BusinessDate.of("openedOn", openedOn));
    }
}
