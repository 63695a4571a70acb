package nl.koers.query.caseload;

import nl.koers.events.common.TrajectoryEvent;
import nl.koers.query.casefile.CaseFile;
import nl.koers.query.common.ScopedStates;
import nl.koers.query.common.ViewBatch;
import nl.koers.query.common.ViewGenerations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Events → a {@link CaseFile} per trajectory plus one document per wijk with an entry per trajectory, its
 * {@link nl.koers.query.casefile.WorkFacts} ({@link ScopedStates}), so a caseload read is one read by {@code _id}
 * (a wijk) or a few ({@code _id $in} the wijken of a focus area or municipality), and the worklist reads the same
 * entries. Open live-caseload subscriptions of the scopes that changed get the new caseload.
 */
@Component
@ProcessingGroup(CaseloadView.NAME)
public class CaseloadProjection {
    private static final String CHANGED_SCOPES = "koers.caseload-changed-scopes";
    private final ScopedStates<CaseFile> states;
    private final CaseloadQueries queries;
    private final QueryUpdateEmitter updates;

    public CaseloadProjection(ViewGenerations generations, CaseloadQueries queries, QueryUpdateEmitter updates) {
        this.states = new ScopedStates<>(CaseloadView.states(generations), CaseloadView.wijken(generations),
                CaseFile::from);
        this.queries = queries;
        this.updates = updates;
        // States and wijk documents are read by _id only (the primary key index): no further index is needed.
    }

    /** Every event the case file folds (the others change nothing the caseload or the worklist shows). */
    @EventHandler
    void on(TrajectoryEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        if (CaseFile.concerns(e)) {
            publish(states.apply(e.trajectoryId().value(), sequence, file -> file.apply(e, eventId)));
        }
    }

    @ResetHandler
    void reset() {
        states.clear();
    }

    /**
     * When what a trajectory counts as changed, the caseloads it counted and counts in changed. Not during a
     * rebuild: readers (and so subscribers) see the live generation, which the rebuild does not change.
     */
    private void publish(Optional<ScopedStates.Change<CaseFile>> change) {
        change.filter(ScopedStates.Change::counted).filter(changed -> !states.building()).ifPresent(changed -> {
            Set<String> caseloads = new LinkedHashSet<>(caseloads(changed.before()));
            caseloads.addAll(caseloads(changed.after()));
            publishWhenStored(caseloads);
        });
    }

    /** The counter ids of every caseload a trajectory counts in: its wijk, municipality and focus area. */
    static Set<String> caseloads(CaseFile file) {
        Set<String> ids = new LinkedHashSet<>();
        if (file.opened()) {
            ids.add(CaseloadScope.neighbourhood(file.neighbourhood()).counterId());
            ids.add(CaseloadScope.gemeente(file.gemeente()).counterId());
            if (file.focusArea() != null) {
                ids.add(CaseloadScope.focusArea(file.focusArea()).counterId());
            }
        }
        return ids;
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
