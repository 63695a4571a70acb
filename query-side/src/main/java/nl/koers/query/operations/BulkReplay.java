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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A view rebuild without the processor's per-event machinery: reads the event log once from its start up to a
 * target position and hands every event to the processor's own handlers (its dead-lettering invoker, behind its own
 * handler interceptors), as a replayed event ({@link ReplayToken}), in units of work of {@code batchEvents} events.
 * Views rebuilt together share the read: each batch goes to every processor in turn, and an event's payload and
 * metadata are deserialized once for all of them.
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
     * Replays the log up to {@code target} (inclusive; -1: an empty log) into each processor's handlers and returns
     * the token of the last event handled (null when there was none). {@code progress} hears the position reached
     * after every unit of work. Stops with {@link InterruptedException} when the thread is interrupted.
     */
    TrackingToken replay(List<AbstractEventProcessor> processors, long target, LongConsumer progress)
            throws InterruptedException {
        if (target < 0) {
            return null;
        }
        TrackingToken tokenAtReset = eventStore.createHeadToken();
        TrackingToken last = null;
        long position = -1;
        try (Handlers handlers = new Handlers(processors);
             BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
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
                    handlers.handle(batch, position, progress);
                    batch = new ArrayList<>(Math.min(batchEvents, 65_536));
                }
            }
            handlers.finish(progress);
        }
        return last;
    }

    /**
     * The processors a replay feeds. One is fed on the reading thread; several each get a thread of their own, so
     * the views are built side by side while the next batch is read: each takes a batch once it has handled the one
     * before, and the read runs at most one batch ahead of the slowest.
     */
    private static final class Handlers implements AutoCloseable {
        private final List<AbstractEventProcessor> processors;
        private final List<ExecutorService> threads;
        private List<Future<?>> inFlight = List.of();
        private long inFlightPosition = -1;

        Handlers(List<AbstractEventProcessor> processors) {
            this.processors = processors;
            this.threads = processors.size() == 1 ? List.of() : processors.stream()
                    .map(processor -> Executors.newSingleThreadExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "view-rebuild-" + processor.getName());
                        thread.setDaemon(true);
                        return thread;
                    })).toList();
        }

        void handle(List<EventMessage<?>> batch, long position, LongConsumer progress) throws InterruptedException {
            if (threads.isEmpty()) {
                BulkReplay.handle(batch, processors.get(0));
                progress.accept(position);
                return;
            }
            finish(progress);
            List<Future<?>> submitted = new ArrayList<>();
            for (int i = 0; i < processors.size(); i++) {
                AbstractEventProcessor processor = processors.get(i);
                submitted.add(threads.get(i).submit(() -> {
                    BulkReplay.handle(batch, processor);
                    return null;
                }));
            }
            inFlight = submitted;
            inFlightPosition = position;
        }

        /** Waits until every processor has handled the batch in flight; then reports its position. */
        void finish(LongConsumer progress) throws InterruptedException {
            for (Future<?> handled : inFlight) {
                try {
                    handled.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    throw e.getCause() instanceof RuntimeException failure ? failure
                            : new IllegalStateException("a replay batch failed", e.getCause());
                }
            }
            if (!inFlight.isEmpty()) {
                progress.accept(inFlightPosition);
            }
            inFlight = List.of();
        }

        /** Stops the threads and waits for a batch still being handled, so nothing writes after the replay ends. */
        @Override
        public void close() {
            threads.forEach(ExecutorService::shutdownNow);
            boolean interrupted = false;
            for (ExecutorService thread : threads) {
                try {
                    thread.awaitTermination(WAIT_FOR_EVENTS_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One batch through the processor's own handler interceptors and invoker, in one unit of work. */
    private static void handle(List<EventMessage<?>> batch, AbstractEventProcessor processor)
            throws InterruptedException {
        EventHandlerInvoker invoker = processor.eventHandlerInvoker();
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = processor.getHandlerInterceptors();
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
