package nl.koers.app.bench;

import nl.koers.events.trajectory.TrajectoryOpened;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trajectories an event store already holds, found from their openings: a benchmark run on a folder used
 * before measures the data that is there instead of appending as much again (which made repeated runs on one folder
 * measure ever more data). Only the payload type is looked at; no payload is deserialized.
 */
final class StoredTrajectories {
    private StoredTrajectories() {
    }

    /** What the log holds: its events, and the ids of its opened trajectories in the log's order. */
    record Found(long events, List<String> trajectories) {
    }

    /** Reads the log up to its head; nothing for an empty store. */
    static Found in(EventStore store) {
        TrackingToken head = store.createHeadToken();
        Set<String> opened = new LinkedHashSet<>();
        long events = EventLogReading.upTo(store, head == null ? -1 : head.position().orElse(-1), event -> {
            if (event instanceof DomainEventMessage<?> domain && domain.getPayloadType() == TrajectoryOpened.class) {
                opened.add(domain.getAggregateIdentifier());
            }
        });
        return new Found(events, new ArrayList<>(opened));
    }
}
