package nl.koers.app.bench;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The event log read from its start through the event store's stream, the path the processors read it by. */
final class EventLogReading {
    private static final int PATIENCE_SECONDS = 30;

    private EventLogReading() {
    }

    /**
     * Hands every event up to position {@code head} (inclusive; -1: an empty log) to {@code each} and returns how
     * many there were. Fails when the log ends before {@code head}: a benchmark must not measure part of it.
     */
    static long upTo(EventStore store, long head, Consumer<TrackedEventMessage<?>> each) {
        long read = 0;
        long position = -1;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (position < head) {
                if (!stream.hasNextAvailable(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event log ended at position " + position + " before " + head);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                each.accept(event);
                read++;
                position = event.trackingToken().position().orElse(position);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        }
        return read;
    }
}
