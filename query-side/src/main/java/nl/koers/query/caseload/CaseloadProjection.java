package nl.koers.query.caseload;

import com.mongodb.client.MongoDatabase;
import nl.koers.events.aftercare.AftercareStarted;
import nl.koers.events.common.Phase;
import nl.koers.events.common.TrajectoryEvent;
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
import nl.koers.query.common.ScopedStates;
import nl.koers.query.common.ViewBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Events → per-trajectory caseload state plus one document per wijk with an entry per trajectory
 * ({@link ScopedStates}), so a caseload read is one read by {@code _id} (a wijk) or a few ({@code _id $in} the
 * wijken of a focus area or municipality). Open live-caseload subscriptions of the scopes that changed get the
 * new caseload.
 */
@Component
@ProcessingGroup(CaseloadView.NAME)
public class CaseloadProjection {
    private static final String CHANGED_SCOPES = "koers.caseload-changed-scopes";
    private final ScopedStates<CaseloadState> states;
    private final CaseloadQueries queries;
    private final QueryUpdateEmitter updates;

    public CaseloadProjection(@Qualifier("koers") MongoDatabase database, CaseloadQueries queries,
                              QueryUpdateEmitter updates) {
        this.states = new ScopedStates<>(database.getCollection(CaseloadView.STATES),
                database.getCollection(CaseloadView.COUNTERS), CaseloadState::from);
        this.queries = queries;
        this.updates = updates;
        // States and wijk documents are read by _id only (the primary key index): no further index is needed.
    }

    @EventHandler
    void on(TrajectoryOpened e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> {
            s.wijk = e.neighbourhood().value();
            s.gemeente = e.neighbourhood().gemeenteCode();
            s.focusArea = e.focusArea() == null ? null : e.focusArea().value();
            s.phase = Phase.PREVENTION.name();
            s.opened(e.openedOn().toString(), eventId);
        });
    }

    @EventHandler
    void on(CaseworkerAssigned e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.caseworker = e.caseworker());
    }

    @EventHandler
    void on(TrajectoryTransferred e, @SequenceNumber long sequence) {
        change(e, sequence, s -> {
            s.wijk = e.toNeighbourhood().value();
            s.gemeente = e.toNeighbourhood().gemeenteCode();
            s.focusArea = e.toFocusArea() == null ? null : e.toFocusArea().value();
        });
    }

    @EventHandler
    void on(DetentionStarted e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> s.enter(Phase.DETENTION, e.startedOn().toString(), eventId));
    }

    @EventHandler
    void on(NetworkMeetingHeld e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.meetingHeld = true);
    }

    @EventHandler
    void on(DetentionEnded e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.enter(Phase.AFTERCARE, null, null));
    }

    @EventHandler
    void on(AftercareStarted e, @SequenceNumber long sequence) {
        change(e, sequence, s -> s.phase = Phase.AFTERCARE.name());
    }

    @EventHandler
    void on(TrajectoryClosed e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> {
            s.phase = Phase.CLOSED.name();
            s.closed(e.closedOn().toString(), eventId);
        });
    }

    @EventHandler
    void on(ContactRecorded e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        change(e, sequence, s -> s.contacts.put(eventId, e.contactOn().toString()));
    }

    /** A corrected business date moves the opening, closing, detention start or a contact to its new day. */
    @EventHandler
    void on(EntryCorrected e, @SequenceNumber long sequence) {
        publish(states.correct(e, sequence));
    }

    /** A retracted contact no longer counts as contact. */
    @EventHandler
    void on(EntryRetracted e, @SequenceNumber long sequence) {
        publish(states.retract(e, sequence));
    }

    @ResetHandler
    void reset() {
        states.clear();
    }

    private void change(TrajectoryEvent e, long sequence, Consumer<CaseloadState> change) {
        publish(states.apply(e.trajectoryId().value(), sequence, change));
    }

    /** When what a trajectory counts as changed, the caseloads it counted and counts in changed. */
    private void publish(Optional<ScopedStates.Change<CaseloadState>> change) {
        change.filter(ScopedStates.Change::counted).ifPresent(changed -> {
            Set<String> caseloads = new LinkedHashSet<>(changed.before().caseloads());
            caseloads.addAll(changed.after().caseloads());
            publishWhenStored(caseloads);
        });
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
