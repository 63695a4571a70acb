package nl.koers.query.outcome;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.aftercare.BasicConditionAssessed;
import nl.koers.events.contact.PoliceContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.query.common.ScopeEntries;
import nl.koers.query.common.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Events → per-trajectory outcome state plus one document per focus area and cohort ({@code _id} =
 * {@code FA03:2026}) with an entry per trajectory, kept exact under redelivery the same way as the caseload: the
 * entry first, then the state guarded by its version. Follow-up recorded after the close (police contacts) keeps
 * counting.
 */
@Component
@ProcessingGroup(OutcomeProjection.PROCESSING_GROUP)
public class OutcomeProjection {
    public static final String PROCESSING_GROUP = "outcomes";
    static final String STATES = "view_outcome_trajectory";
    static final String COUNTERS = "view_outcomes";
    private final VersionedDocuments states;
    private final ScopeEntries cohorts;

    public OutcomeProjection(@Qualifier("koers") MongoDatabase database) {
        this.states = new VersionedDocuments(database.getCollection(STATES));
        this.cohorts = new ScopeEntries(database.getCollection(COUNTERS));
        // States and cohort documents are read by _id only (the primary key index): no further index is needed.
    }

    @EventHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> {
            s.focusArea = e.focusArea() == null ? null : e.focusArea().value();
            s.openedOn = e.openedOn().toString();
            s.openedEventId = eventId;
        });
    }

    @EventHandler
    void on(TrajectoryTransferred e, @SequenceNumber long sequence) {
        change(e.trajectoryId().value(), sequence,
                s -> s.focusArea = e.toFocusArea() == null ? null : e.toFocusArea().value());
    }

    @EventHandler
    void on(DetentionEnded e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> {
            if (s.releasedOn == null) {
                s.releasedOn = e.endedOn().toString();
                s.releaseEventId = eventId;
            }
        });
    }

    @EventHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> {
            s.closedOn = e.closedOn().toString();
            s.closedEventId = eventId;
            s.closureReason = e.reason().name();
        });
    }

    @EventHandler
    void on(PoliceContactRecorded e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> s.policeContacts.put(eventId, e.contactOn().toString()));
    }

    @EventHandler
    void on(BasicConditionAssessed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> s.assessments.add(new Document("eventId", eventId)
                .append("condition", e.condition().name())
                .append("status", e.status().name())
                .append("on", e.assessedOn().toString())
                .append("sequence", sequence)));
    }

    /** A corrected business date moves the opening (and so the cohort), close, release, contact or assessment. */
    @EventHandler
    void on(EntryCorrected e, @SequenceNumber long sequence) {
        if (e.newOccurredOn() == null) {
            return;
        }
        String corrected = e.correctedEventId();
        String date = e.newOccurredOn().toString();
        change(e.trajectoryId().value(), sequence, s -> {
            if (corrected.equals(s.openedEventId)) {
                s.openedOn = date;
            } else if (corrected.equals(s.closedEventId)) {
                s.closedOn = date;
            } else if (corrected.equals(s.releaseEventId)) {
                s.releasedOn = date;
            } else if (s.policeContacts.containsKey(corrected)) {
                s.policeContacts.put(corrected, date);
            } else {
                s.assessments.stream().filter(a -> corrected.equals(a.getString("eventId")))
                        .forEach(a -> a.put("on", date));
            }
        });
    }

    /** A retracted police contact or assessment no longer counts. */
    @EventHandler
    void on(EntryRetracted e, @SequenceNumber long sequence) {
        String retracted = e.retractedEventId();
        change(e.trajectoryId().value(), sequence, s -> {
            s.policeContacts.remove(retracted);
            s.assessments.removeIf(a -> retracted.equals(a.getString("eventId")));
        });
    }

    @ResetHandler
    void reset() {
        states.collection().deleteMany(Filters.empty());
        cohorts.collection().deleteMany(Filters.empty());
    }

    private void change(String trajectoryId, long sequence, Consumer<OutcomeState> change) {
        Document stored = states.find(trajectoryId);
        if (VersionedDocuments.applied(stored, sequence)) {
            return;
        }
        OutcomeState before = OutcomeState.from(stored);
        OutcomeState after = before.copy();
        change.accept(after);
        cohorts.update(trajectoryId, before.scope(), before.entry(), after.scope(), after.entry());
        states.store(trajectoryId, sequence, after.toDocument());
    }
}
