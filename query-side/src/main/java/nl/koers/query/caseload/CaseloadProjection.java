package nl.koers.query.caseload;

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
import nl.koers.query.common.ScopeEntries;
import nl.koers.query.common.ViewBatch;
import nl.koers.query.common.VersionedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Events → per-trajectory caseload state plus one document per wijk with an entry per trajectory, so a caseload
 * read is one read by {@code _id} (a wijk) or a few ({@code _id $in} the wijken of a focus area or municipality).
 * The wijk entry is written first, the state last (guarded by its version); a crash in between is repaired by
 * redelivery, which derives and writes the same entry again. Open live-caseload subscriptions of the scopes that
 * changed get the new caseload.
 */
@Component
@ProcessingGroup(CaseloadProjection.PROCESSING_GROUP)
public class CaseloadProjection {
    public static final String PROCESSING_GROUP = "caseload";
    static final String STATES = "view_caseload_trajectory";
    static final String COUNTERS = "view_caseload";
    private static final String CHANGED_SCOPES = "koers.caseload-changed-scopes";
    private final VersionedDocuments states;
    private final ScopeEntries wijken;
    private final CaseloadQueries queries;
    private final QueryUpdateEmitter updates;

    public CaseloadProjection(@Qualifier("koers") MongoDatabase database, CaseloadQueries queries,
                              QueryUpdateEmitter updates) {
        this.states = new VersionedDocuments(database.getCollection(STATES));
        this.wijken = new ScopeEntries(database.getCollection(COUNTERS));
        this.queries = queries;
        this.updates = updates;
        // States and wijk documents are read by _id only (the primary key index): no further index is needed.
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
        wijken.collection().deleteMany(Filters.empty());
    }

    private void change(String trajectoryId, long sequence, Consumer<CaseloadState> change) {
        Document stored = states.find(trajectoryId);
        if (VersionedDocuments.applied(stored, sequence)) {
            return;
        }
        CaseloadState before = CaseloadState.from(stored);
        CaseloadState after = before.copy();
        change.accept(after);
        Document entryBefore = before.entry();
        Document entryAfter = after.entry();
        wijken.update(trajectoryId, before.scope(), entryBefore, after.scope(), entryAfter);
        states.store(trajectoryId, sequence, after.toDocument());
        if (!Objects.equals(before.scope(), after.scope()) || !Objects.equals(entryBefore, entryAfter)) {
            Set<String> changed = new LinkedHashSet<>();
            for (CaseloadState state : new CaseloadState[]{before, after}) {
                if (state.opened()) {
                    changed.add(CaseloadScope.neighbourhood(state.wijk).counterId());
                    changed.add(CaseloadScope.gemeente(state.gemeente).counterId());
                    if (state.focusArea != null) {
                        changed.add(CaseloadScope.focusArea(state.focusArea).counterId());
                    }
                }
            }
            publishWhenStored(changed);
        }
    }

    /** Live subscribers hear of the scopes changed in a batch once, after the batch is stored. */
    private void publishWhenStored(Set<String> changed) {
        if (!CurrentUnitOfWork.isStarted()) {
            publish(changed);
            return;
        }
        ViewBatch batch = ViewBatch.current();
        Set<String> pending = CurrentUnitOfWork.get().root().getOrComputeResource(CHANGED_SCOPES, key -> {
            Set<String> scopes = new LinkedHashSet<>();
            batch.afterFlush(() -> publish(scopes));
            return scopes;
        });
        pending.addAll(changed);
    }

    /** Sends the new caseload to the live subscribers of each changed scope (nothing to do without any). */
    private void publish(Set<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Set<CaseloadScope> watched = new LinkedHashSet<>();
        updates.activeSubscriptions().forEach(subscription -> {
            if (subscription.getPayload() instanceof FindCaseload query
                    && changed.contains(query.scope().counterId())) {
                watched.add(query.scope());
            }
        });
        for (CaseloadScope scope : watched) {
            Caseload caseload = queries.caseload(scope);
            updates.emit(FindCaseload.class, query -> query.scope().equals(scope), caseload);
        }
    }
}
