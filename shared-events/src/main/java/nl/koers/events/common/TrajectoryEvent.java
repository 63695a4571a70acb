package nl.koers.events.common;

import java.time.LocalDate;

/**
 * What every fact about a trajectory has: the trajectory it belongs to, when it happened (business date,
 * entered by the worker), who recorded it, and what later entries may do to it ({@link EntryKind}). When it was
 * recorded is the event message's timestamp. An event states its kind by the interface it implements:
 * {@link Fact}, {@link StateChange} or {@link Amendment}.
 */
public interface TrajectoryEvent {
    TrajectoryId trajectoryId();

    LocalDate occurredOn();

    String recordedBy();

    /** Whether an entry of this type can be corrected or retracted later; the same for every entry of a type. */
    EntryKind entryKind();

    /** A plain fact no rule depends on ({@link EntryKind#FACT}). */
    interface Fact extends TrajectoryEvent {
        @Override
        default EntryKind entryKind() {
            return EntryKind.FACT;
        }
    }

    /** An entry that moved the trajectory on ({@link EntryKind#STATE_CHANGE}). */
    interface StateChange extends TrajectoryEvent {
        @Override
        default EntryKind entryKind() {
            return EntryKind.STATE_CHANGE;
        }
    }

    /** A correction or retraction of an earlier entry ({@link EntryKind#AMENDMENT}). */
    interface Amendment extends TrajectoryEvent {
        @Override
        default EntryKind entryKind() {
            return EntryKind.AMENDMENT;
        }
    }
}
