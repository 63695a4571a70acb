package nl.koers.events.common;

import java.time.LocalDate;

/**
 * What every fact about a trajectory has: the trajectory it belongs to, when it happened (business date,
 * entered by the worker), who recorded it, and what later entries may do to it. When it was recorded is the
 * event message's timestamp.
 */
public interface TrajectoryEvent {
    TrajectoryId trajectoryId();

    LocalDate occurredOn();

    String recordedBy();

    /** Whether an entry of this type can be corrected or retracted later; the same for every entry of a type. */
    EntryKind entryKind();
}
