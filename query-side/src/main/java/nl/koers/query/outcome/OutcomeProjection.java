package nl.koers.query.outcome;

import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.common.TrajectoryEvent;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.query.common.ScopedStates;
import nl.koers.query.common.ViewGenerations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Events → per-trajectory outcome state plus one document per focus area and cohort ({@code _id} =
 * {@code FA03:2026}) with an entry per trajectory ({@link ScopedStates}), kept exact under redelivery the same
 * way as the caseload. Follow-up recorded after the close (police contacts) keeps counting.
 */
@Component
@ProcessingGroup(OutcomeView.NAME)
public class OutcomeProjection {
    private final ScopedStates<OutcomeState> states;

    public OutcomeProjection(ViewGenerations generations) {
        this.states = new ScopedStates<>(OutcomeView.states(generations), OutcomeView.cohorts(generations),
                OutcomeState::from);
        // States and cohort documents are read by _id only (the primary key index): no further index is needed.
    }

    @EventHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> {
            s.focusArea = e.focusArea() == null ? null : e.focusArea().value();
            s.opened(e.openedOn().toString(), eventId);
        });
    }

    @EventHandler
    void on(TrajectoryTransferred e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.focusArea = e.toFocusArea() == null ? null : e.toFocusArea().value());
    }

    @EventHandler
    void on(DetentionEnded e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> {
            if (s.releasedOn == null) {
                s.releasedOn = e.endedOn().toString();
                s.releaseEventId = eventId;
            }
        });
    }

    @EventHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> {
            s.closed(e.closedOn().toString(), eventId);
            s.closureReason = e.reason().name();
        });
    }

    @EventHandler
    void on(PoliceContactRecorded e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> s.policeContacts.put(eventId, e.contactOn().toString()));
    }

    @EventHandler
    void on(BasicConditionAssessed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> s.assessments.add(new Document("eventId", eventId)
                .append("condition", e.condition().name())
                .append("status", e.status().name())
                .append("on", e.assessedOn().toString())
                .append("sequence", sequence)));
    }

    /** A corrected business date moves the opening (and so the cohort), close, release, contact or assessment. */
    @EventHandler
    void on(EntryCorrected e, @SequenceNumber long sequence) {
        states.correct(e, sequence);
    }

    /** A retracted police contact or assessment no longer counts. */
    @EventHandler
    void on(EntryRetracted e, @SequenceNumber long sequence) {
        states.retract(e, sequence);
    }

    @ResetHandler
    void reset() {
        states.clear();
    }

    private void change(TrajectoryEvent e, long sequence, Consumer<OutcomeState> change) {
        states.apply(e.trajectoryId().value(), sequence, change);
    }
}
