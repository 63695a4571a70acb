package nl.koers.query.operations;

import nl.koers.platform.web.ApiProblem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;

/** The streaming processors of this process and where they are in the event log. */
@Component
public class Processors {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private volatile long headCachedAt;
    private volatile long cachedHead = -1;

    public Processors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    List<String> names() {
        return new TreeSet<>(processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor).map(e -> e.getKey()).toList())
                .stream().toList();
    }

    /** The processor of a processing group (400 when there is none: the name is a request parameter). */
    StreamingEventProcessor get(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> ApiProblem.invalid("processingGroup", "is not one of " + names()));
    }

    EventProcessingConfiguration configuration() {
        return processing;
    }

    /** Global position of the newest event (-1 for an empty log), cached for a second between scrapes. */
    long head() {
        long now = System.nanoTime();
        if (now - headCachedAt > 1_000_000_000L || headCachedAt == 0) {
            TrackingToken head = eventStore.createHeadToken();
            cachedHead = head == null ? -1 : head.position().orElse(-1);
            headCachedAt = now;
        }
        return cachedHead;
    }

    /** The lowest position over the processor's segments (-1 before the first event); empty when it claims none. */
    static OptionalLong position(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(statuses.stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1));
    }

    /** Events in the log this processor has not handled yet; empty when it claims no segment here. */
    OptionalLong lag(String name) {
        OptionalLong position = position(get(name));
        if (position.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, head() - position.getAsLong()));
    }

    /**
     * During a rebuild: the share of the log replayed so far (the slowest segment counts); empty when none runs.
     * Axon keeps a segment "replaying" until it handles an event beyond the reset position, which may take until
     * the next event is written; a rebuild counts as done once every segment has reached its reset position.
     */
    static OptionalDouble replayProgress(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> behind = processor.processingStatus().values().stream()
                .filter(Processors::replayingBehind).toList();
        if (behind.isEmpty()) {
            return OptionalDouble.empty();
        }
        return behind.stream().mapToDouble(status -> {
            long reset = status.getResetPosition().orElse(0);
            long current = status.getCurrentPosition().orElse(-1);
            return reset <= 0 ? 0.0 : Math.max(0.0, Math.min(1.0, (double) current / reset));
        }).min();
    }

    static boolean rebuilding(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(Processors::replayingBehind);
    }

    private static boolean replayingBehind(EventTrackerStatus status) {
        return status.isReplaying()
                && status.getCurrentPosition().orElse(-1) < status.getResetPosition().orElse(Long.MAX_VALUE);
    }
}
