package nl.koers.query.operations;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A view rebuild without the processor's per-event machinery: reads the event log once from its start up to a
 * target position and hands every event to the processor's own handlers (its dead-lettering invoker, behind its own
 * handler interceptors), as a replayed event ({@link ReplayToken}), in units of work of {@code batchEvents} events.
 * The views' writes of one unit of work go out together ({@code ViewBatch}), so each document changed in it is
 * written once, however many events changed it. The processor itself stands still meanwhile; afterwards it
 * continues live from the token this returns.
 * <p>
 * Why not the processor: a pooled streaming processor batches a few hundred events and pays per event for its
 * coordinator, monitors and time limits, which cost more than the projections themselves (JFR, see
 * {@link ProcessorTuning}). What a crash in the middle leaves is only the fresh generation readers do not see yet;
 * the rebuild then starts again.
 */
final class BulkReplay {
    private static final long WAIT_FOR_EVENTS_SECONDS = 30;
    private final EventStore eventStore;
    private final int batchEvents;

    BulkReplay(EventStore eventStore, int batchEvents) {
        if (batchEvents < 1) {
            throw new IllegalArgumentException("a replay batch holds at least one event");
        }
        this.eventStore = eventStore;
        this.batchEvents = batchEvents;
    }

    /**
     * Replays the log up to {@code target} (inclusive; -1: an empty log) into the processor's handlers and returns
     * the token of the last event handled (null when there was none). {@code progress} hears the position reached
     * after every unit of work. Stops with {@link InterruptedException} when the thread is interrupted.
     */
    TrackingToken replay(AbstractEventProcessor processor, long target, LongConsumer progress)
            throws InterruptedException {
        if (target < 0) {
            return null;
        }
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = processor.getHandlerInterceptors();
        TrackingToken tokenAtReset = eventStore.createHeadToken();
        TrackingToken last = null;
        long position = -1;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            List<EventMessage<?>> batch = new ArrayList<>(Math.min(batchEvents, 65_536));
            while (position < target) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("view rebuild stopped");
                }
                if (!stream.hasNextAvailable((int) WAIT_FOR_EVENTS_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event log ended at position " + position
                            + " before the rebuild's target " + target);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                last = event.trackingToken();
                position = last.position().orElse(position);
                // handlers see a replayed event, as they would from the processor after a reset
                batch.add(event.withTrackingToken(tokenAtReset.covers(last)
                        ? new ReplayToken(tokenAtReset, last) : last));
                if (batch.size() >= batchEvents || position >= target) {
                    handle(batch, invoker, interceptors);
                    batch = new ArrayList<>(Math.min(batchEvents, 65_536));
                    progress.accept(position);
                }
            }
        }
        return last;
    }

    private static void handle(List<EventMessage<?>> batch, EventHandlerInvoker invoker,
                               List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors)
            throws InterruptedException {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<Object> result = unitOfWork.executeWithResult(
                () -> new DefaultInterceptorChain<>(unitOfWork, interceptors, message -> {
                    invoker.handle(message, Segment.ROOT_SEGMENT);
                    return null;
                }).proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("a replay batch failed", failure);
        }
    }
}
