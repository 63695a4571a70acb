package nl.koers.query.common;

import nl.koers.events.correction.EntryCorrected;
import nl.koers.events.correction.EntryRetracted;
import org.bson.Document;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The bookkeeping of a view that counts trajectories per scope (the caseload per wijk, outcomes per focus area and
 * cohort): a state per trajectory ({@link VersionedDocuments}) and, in the document of the scope the state counts
 * in, an entry derived from it ({@link ScopeEntries}). An event changes a copy of the state; the entry moves from
 * where the state counted before to where it counts after and is written first, the state last, guarded by its
 * version: a redelivered event changes nothing, and a crash in between is repaired by redelivery, which derives
 * and writes the same entry again.
 */
public final class ScopedStates<S extends TrajectoryState> {
    private final VersionedDocuments states;
    private final ScopeEntries scopes;
    private final Function<Document, S> read;

    /** What one event did: the state before and after, and whether what the trajectory counts as changed. */
    public record Change<S>(S before, S after, boolean counted) {
    }

    /** {@code read} makes a state of a stored document, and an empty one of {@code null}. */
    public ScopedStates(ViewGenerations.GenerationalCollection states, ViewGenerations.GenerationalCollection scopes,
                        Function<Document, S> read) {
        this.states = new VersionedDocuments(states);
        this.scopes = new ScopeEntries(scopes);
        this.read = read;
    }

    /** Applies the event with {@code sequence} to the trajectory's state; empty when it was applied already. */
    public Optional<Change<S>> apply(String trajectoryId, long sequence, Consumer<S> change) {
        Document stored = states.find(trajectoryId);
        if (VersionedDocuments.applied(stored, sequence)) {
            return Optional.empty();
        }
        S before = read.apply(stored);
        S after = read.apply(before.toDocument());
        change.accept(after);
        Document entryBefore = before.entry();
        Document entryAfter = after.entry();
        scopes.update(trajectoryId, before.scope(), entryBefore, after.scope(), entryAfter);
        states.store(trajectoryId, sequence, after.toDocument());
        boolean counted = !Objects.equals(before.scope(), after.scope()) || !Objects.equals(entryBefore, entryAfter);
        return Optional.of(new Change<>(before, after, counted));
    }

    /** A corrected business date moves what the state kept of the corrected event (nothing without a new date). */
    public Optional<Change<S>> correct(EntryCorrected e, long sequence) {
        if (e.newOccurredOn() == null) {
            return Optional.empty();
        }
        return apply(e.trajectoryId().value(), sequence,
                state -> state.correct(e.correctedEventId(), e.newOccurredOn().toString()));
    }

    /** A retracted entry no longer counts. */
    public Optional<Change<S>> retract(EntryRetracted e, long sequence) {
        return apply(e.trajectoryId().value(), sequence, state -> state.retract(e.retractedEventId()));
    }

    /** Whether a rebuild is filling a generation readers do not see yet. */
    public boolean building() {
        return states.building();
    }

    /** Empties states and scopes (of the generation being written): a rebuild starts from nothing. */
    public void clear() {
        states.clear();
        scopes.clear();
    }
}
