package nl.koers.app.bench;

import nl.koers.events.trajectory.TrajectoryOpened;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
        long last = head == null ? -1 : head.position().orElse(-1);
        Set<String> opened = new LinkedHashSet<>();
        long events = 0;
        if (last < 0) {
            return new Found(0, List.of());
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            long position = -1;
            while (position < last && stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                events++;
                position = event.trackingToken().position().orElse(position);
                if (event instanceof DomainEventMessage<?> domain && domain.getPayloadType() == TrajectoryOpened.class) {
                    opened.add(domain.getAggregateIdentifier());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        }
        return new Found(events, new ArrayList<>(opened));
    }
}
