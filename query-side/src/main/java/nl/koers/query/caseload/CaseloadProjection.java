package nl.koers.query.caseload;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.common.Phase;
import nl.koers.events.contact.ContactRecorded;
import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import nl.koers.events.detention.DetentionEnded;
import nl.koers.events.detention.DetentionStarted;
import nl.koers.events.detention.NetworkMeetingHeld;
import nl.koers.events.trajectory.CaseworkerAssigned;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.events.trajectory.TrajectoryTransferred;
import nl.koers.query.common.Contributions;
import nl.koers.query.common.CounterLedger;
import nl.koers.query.common.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Events → per-trajectory caseload state plus counter documents per wijk, focus area and municipality, so a
 * caseload read is a handful of reads by {@code _id}. For each event the state before and after gives the change
 * to the counters; counters are written first (each guarded by its own ledger), the state last (guarded by its
 * version), so a crash in between is repaired by redelivery without counting twice. Open live-caseload
 * subscriptions of the scopes that changed get the new caseload.
 */
@Component
@ProcessingGroup(CaseloadProjection.PROCESSING_GROUP)
public class CaseloadProjection {
    public static final String PROCESSING_GROUP = "caseload";
    static final String STATES = "view_caseload_trajectory";
    static final String COUNTERS = "view_caseload";
    private final VersionedDocuments states;
    private final CounterLedger counters;
    private final CaseloadQueries queries;
    private final QueryUpdateEmitter updates;

    public CaseloadProjection(@Qualifier("koers") MongoDatabase database, CaseloadQueries queries,
                              QueryUpdateEmitter updates) {
        this.states = new VersionedDocuments(database.getCollection(STATES));
        MongoCollection<Document> counterCollection = database.getCollection(COUNTERS);
        this.counters = new CounterLedger(counterCollection);
        this.queries = queries;
        this.updates = updates;
        // States and counters are read by _id only (the primary key index): no further index is needed.
    }

    @EventHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> {
            s.wijk = e.neighbourhood().value();
            s.gemeente = e.neighbourhood().gemeenteCode();
            s.focusArea = e.focusArea() == null ? null : e.focusArea().value();
            s.phase = Phase.PREVENTION.name();
            s.openedOn = e.openedOn().toString();
            s.openedEventId = eventId;
        });
    }

    @EventHandler
    void on(CaseworkerAssigned e, @SequenceNumber long sequence) {
        change(e.trajectoryId().value(), sequence, s -> s.caseworker = e.caseworker());
    }

    @EventHandler
    void on(TrajectoryTransferred e, @SequenceNumber long sequence) {
        change(e.trajectoryId().value(), sequence, s -> {
            s.wijk = e.toNeighbourhood().value();
            s.gemeente = e.toNeighbourhood().gemeenteCode();
            s.focusArea = e.toFocusArea() == null ? null : e.toFocusArea().value();
        });
    }

    @EventHandler
    void on(DetentionStarted e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> {
            s.phase = Phase.DETENTION.name();
            s.detentionStartedOn = e.startedOn().toString();
            s.detentionEventId = eventId;
            s.meetingHeld = false;
        });
    }

    @EventHandler
    void on(NetworkMeetingHeld e, @SequenceNumber long sequence) {
        change(e.trajectoryId().value(), sequence, s -> s.meetingHeld = true);
    }

    @EventHandler
    void on(DetentionEnded e, @SequenceNumber long sequence) {
        change(e.trajectoryId().value(), sequence, s -> {
            s.phase = Phase.AFTERCARE.name();
            s.detentionStartedOn = null;
            s.detentionEventId = null;
            s.meetingHeld = false;
        });
    }

    @EventHandler
    void on(AftercareStarted e, @SequenceNumber long sequence) {
        change(e.trajectoryId().value(), sequence, s -> s.phase = Phase.AFTERCARE.name());
    }

    @EventHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> {
            s.phase = Phase.CLOSED.name();
            s.closedOn = e.closedOn().toString();
            s.closedEventId = eventId;
        });
    }

    @EventHandler
    void on(ContactRecorded e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e.trajectoryId().value(), sequence, s -> s.contacts.put(eventId, e.contactOn().toString()));
    }

    /** A corrected business date moves the opening, closing, detention start or a contact to its new day. */
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
            } else if (corrected.equals(s.detentionEventId)) {
                s.detentionStartedOn = date;
            } else if (s.contacts.containsKey(corrected)) {
                s.contacts.put(corrected, date);
            }
        });
    }

    /** A retracted contact no longer counts as contact. */
    @EventHandler
    void on(EntryRetracted e, @SequenceNumber long sequence) {
        change(e.trajectoryId().value(), sequence, s -> s.contacts.remove(e.retractedEventId()));
    }

    @ResetHandler
    void reset() {
        states.collection().deleteMany(Filters.empty());
        counters.collection().deleteMany(Filters.empty());
    }

    private void change(String trajectoryId, long sequence, Consumer<CaseloadState> change) {
        Document stored = states.find(trajectoryId);
        if (VersionedDocuments.applied(stored, sequence)) {
            return;
        }
        CaseloadState before = CaseloadState.from(stored);
        CaseloadState after = before.copy();
        change.accept(after);
        Map<String, Map<String, Long>> delta = Contributions.delta(before.contributions(), after.contributions());
        counters.apply(trajectoryId, sequence, delta);
        states.replaceIfNew(trajectoryId, sequence, after.toDocument().append("_id", trajectoryId));
        publish(delta.keySet());
    }

    /** Sends the new caseload to live subscribers of each scope that changed (nothing to do without any). */
    private void publish(Set<String> changedCounters) {
        if (changedCounters.isEmpty()) {
            return;
        }
        Set<CaseloadScope> watched = new LinkedHashSet<>();
        updates.activeSubscriptions().forEach(subscription -> {
            if (subscription.getPayload() instanceof FindCaseload query
                    && changedCounters.contains(query.scope().counterId())) {
                watched.add(query.scope());
            }
        });
        for (CaseloadScope scope : watched) {
            Caseload caseload = queries.caseload(scope);
            updates.emit(FindCaseload.class, query -> query.scope().equals(scope), caseload);
        }
    }
}
