package nl.koers.events.common;

import java.time.LocalDate;

/**
 * What every fact about a trajectory has: the trajectory it belongs to, when it happened (business date,
 * entered by the worker) and who recorded it. When it was recorded is the event message's timestamp.
 */
public interface TrajectoryEvent {
    TrajectoryId trajectoryId();

    LocalDate occurredOn();

    String recordedBy();
}
