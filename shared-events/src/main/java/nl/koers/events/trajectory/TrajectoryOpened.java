package nl.koers.events.trajectory;

import nl.koers.events.common.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A youth entered the programme. Personal details and the referral reason are sealed with the youth's key. */
@Revision("1")
public record TrajectoryOpened(TrajectoryId trajectoryId, YouthId youthId, CbsWijkCode neighbourhood, FocusAreaCode focusArea, LocalDate openedOn, ReferralSource referralSource, EncryptedValue referralReason, SealedYouth youth, int ageAtOpening, String recordedBy) implements TrajectoryEvent.StateChange {
    @Override
    public LocalDate occurredOn() {
        return openedOn;
    }
}
