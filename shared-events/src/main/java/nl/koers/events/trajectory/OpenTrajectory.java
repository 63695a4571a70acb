package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Open a trajectory for a youth whose identity the command side has already resolved and sealed. */
public record OpenTrajectory(@TargetAggregateIdentifier TrajectoryId trajectoryId, YouthId youthId, CbsWijkCode neighbourhood, FocusAreaCode focusArea, LocalDate openedOn, ReferralSource referralSource, EncryptedValue referralReason, SealedYouth youth, int ageAtOpening, String recordedBy) {
}
