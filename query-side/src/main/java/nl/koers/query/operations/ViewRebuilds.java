package nl.koers.query.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.platform.runtime.CompactionHold;
import nl.koers.platform.web.ApiProblem;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import nl.koers.query.common.RebuiltAside;
import org.axonframework.eventhandling.EventTrackerStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds a view from the start of the event log, beside the one readers use ({@link RebuiltAside}): stop its
 * processor, drop its dead letters, start a fresh generation of the view (the projection's {@code @ResetHandler}
 * empties what it writes: the fresh generation), then replay the log up to where it ended into the processor's
 * handlers in large units of work ({@link BulkReplay}), store that position as the processor's tokens and start the
 * processor again, which handles what came in meanwhile. Readers keep the complete current generation until every
 * segment of the processor has reached the position where the log ended when the rebuild started; then they
 * switch to the fresh one in one step. A restart during a bulk replay starts the rebuild again (readers still see
 * the old generation). Should the bulk replay fail, the processor rebuilds the view itself from reset tokens, which
 * a restart resumes from where they got. Progress is logged every few seconds and exposed as {@code koers.view.rebuild.progress}; each
 * rebuild counts in {@code koers.view.rebuilds}. On a multi-replica deployment, stop the processor on the other
 * replicas first: segments they hold cannot be reset from here, and they read the old generation until they restart.
 */
@Service
public class ViewRebuilds implements CompactionHold {
    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);
    static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);
    /** How often a rebuild is checked for having caught up, so readers switch soon after it has. */
    private static final Duration CATCH_UP_CHECK_INTERVAL = Duration.ofMillis(200);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);
    private final Processors processors;
    private final MeterRegistry registry;
    private final List<RebuiltAside> aside;
    private final BulkReplay bulkReplay;
    private final ProcessorTuning.EffectiveSettings settings;
    private final Map<String, ScheduledFuture<?>> watches = new ConcurrentHashMap<>();
    /** Bulk replays running, per view, and the share of the log each has replayed. */
    private final Map<String, Thread> replays = new ConcurrentHashMap<>();
    private final Map<String, Double> replayed = new ConcurrentHashMap<>();
    /** Set when the application stops: a bulk replay it interrupts hands nothing on to the processors. */
    private volatile boolean stopping;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public ViewRebuilds(Processors processors, MeterRegistry registry, List<RebuiltAside> aside,
                        EventStore eventStore, ProcessorTuning.EffectiveSettings settings,
                        @Value("${koers.query.rebuild.batch-events:2000}") int batchEvents) {
        this.processors = processors;
        this.registry = registry;
        this.aside = aside;
        this.settings = settings;
        this.bulkReplay = new BulkReplay(eventStore, batchEvents);
    }

    public record Started(String processor, Instant startedAt, long eventsInLog) {
    }

    /** Starts a rebuild; 409 while one of this view runs. */
    public synchronized Started rebuild(String name) {
        return rebuildTogether(List.of(name)).get(0);
    }

    /**
     * Starts rebuilds of several views that share one read of the log ({@link BulkReplay}); 409 while one of them
     * runs, and then none is started.
     */
    public synchronized List<Started> rebuildTogether(List<String> names) {
        for (String name : names) {
            if (rebuilding(name)) {
                throw ApiProblem.conflict("a rebuild of " + name + " is already running");
            }
        }
        return start(names);
    }

    /**
     * Starts rebuilds of several views that share one read of the log, abandoning those in progress (their fresh
     * generations are dropped).
     */
    public synchronized List<Started> rebuildFromScratch(List<String> names) {
        return start(names);
    }

    /**
     * The embedded stores are not compacted while a rebuild runs: a rebuild writes a whole new generation, and the
     * old one is dropped at its end, so compacting in between moves pages about to be rewritten or dropped.
     */
    @Override
    public boolean holdsCompaction() {
        return !watches.isEmpty() || !replays.isEmpty();
    }

    /** Whether a rebuild of this view runs: its fresh generation is not what readers see yet. */
    public boolean rebuilding(String name) {
        return holder(name).flatMap(holder -> holder.inProgress(name)).isPresent()
                || replays.containsKey(name) || Processors.rebuilding(processors.get(name));
    }

    /** The share of the log a running rebuild of this view has replayed; empty when none runs. */
    public OptionalDouble progress(String name) {
        Double bulk = replayed.get(name);
        return bulk != null ? OptionalDouble.of(bulk) : Processors.replayProgress(processors.get(name));
    }

    /**
     * At start-up: rebuilds a stop interrupted go on. One whose tokens were reset continues from them (its processor
     * is already writing the fresh generation); one stopped before that starts again. Returns those it found.
     */
    public synchronized List<String> resumeInterrupted() {
        List<String> found = new ArrayList<>();
        for (String name : processors.names()) {
            Optional<RebuiltAside> holder = holder(name);
            Optional<RebuiltAside.Progress> progress = holder.flatMap(h -> h.inProgress(name));
            if (progress.isEmpty()) {
                continue;
            }
            found.add(name);
            if (progress.get().replaying()) {
                log.info("Resuming the rebuild of view {} from its processor's stored tokens", name);
                watch(name, processors.get(name), Instant.now(), progress.get().target());
            } else {
                log.info("The rebuild of view {} stopped before it began: starting it again", name);
                start(List.of(name));
            }
        }
        return found;
    }

    private Optional<RebuiltAside> holder(String name) {
        return aside.stream().filter(holder -> holder.holds(name)).findFirst();
    }

    /** A view whose rebuild replays the log into its processor's handlers beside the processor. */
    private record InBulk(String name, StreamingEventProcessor processor, AbstractEventProcessor handlers) {
    }

    private List<Started> start(List<String> names) {
        for (String name : names) {
            if (!processors.get(name).supportsReset()) {
                throw ApiProblem.conflict("the view of " + name + " cannot be rebuilt");
            }
        }
        long head = processors.head();
        Instant startedAt = Instant.now();
        List<Started> started = new ArrayList<>();
        List<InBulk> inBulk = new ArrayList<>();
        for (String name : names) {
            StreamingEventProcessor processor = processors.get(name);
            stopReplay(name);
            ScheduledFuture<?> previous = watches.remove(name);
            if (previous != null) {
                previous.cancel(false);
            }
            log.info("Rebuilding view {} from the start of the event log ({} events)", name, head + 1);
            stop(name, processor);
            // Letters of the old view would be replayed into the new one on retry: the replay meets them again.
            processors.configuration().deadLetterQueue(name).ifPresent(queue -> queue.clear());
            // the fresh generation is named (and remembered) before anything is written, so a crash in between never
            // leaves the processor writing a generation readers see
            holder(name).ifPresent(h -> h.begin(name, head));
            Counter.builder("koers.view.rebuilds").tag("processor", name)
                    .description("View rebuilds started").register(registry).increment();
            if (processor instanceof AbstractEventProcessor handlers) {
                inBulk.add(new InBulk(name, processor, handlers));
            } else {
                replayThroughProcessor(name, processor, startedAt, head);
            }
            started.add(new Started(name, startedAt, head + 1));
        }
        if (!inBulk.isEmpty()) {
            replayInBulk(inBulk, startedAt, head);
        }
        return started;
    }

    private static void stop(String name, StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("processor " + name + " did not stop within " + SHUTDOWN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping processor " + name, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("processor " + name + " failed to stop", e.getCause());
        }
    }

    /**
     * On a thread of its own: the log into the handlers of every view in {@code views} (one read for all), the
     * tokens to where it got, each processor on from there. A view whose rebuild is started again meanwhile is
     * taken over by the newer rebuild, which stops this one; the other views then rebuild through their processors.
     */
    private void replayInBulk(List<InBulk> views, Instant startedAt, long head) {
        List<String> names = views.stream().map(InBulk::name).toList();
        names.forEach(name -> replayed.put(name, 0.0));
        Thread thread = new Thread(() -> {
            AtomicLong lastLog = new AtomicLong(System.nanoTime());
            try {
                views.forEach(view -> view.handlers().eventHandlerInvoker().performReset());
                TrackingToken reached = bulkReplay.replay(views.stream().map(InBulk::handlers).toList(), head,
                        position -> {
                            double share = head <= 0 ? 1.0 : Math.min(1.0, (double) position / head);
                            names.forEach(name -> replayed.computeIfPresent(name, (n, before) -> share));
                            if (System.nanoTime() - lastLog.get() >= PROGRESS_LOG_INTERVAL.toNanos()) {
                                lastLog.set(System.nanoTime());
                                log.info("Rebuilding {} {}: {}%", names.size() == 1 ? "view" : "views",
                                        String.join(", ", names), Math.round(100 * share));
                            }
                        });
                synchronized (replays) {
                    for (InBulk view : stillOurs(views)) {
                        storeTokens(view.name(), reached);
                        view.processor().start();
                        watch(view.name(), view.processor(), startedAt, head);
                        forget(view.name());
                    }
                }
            } catch (InterruptedException e) {
                synchronized (replays) {
                    List<InBulk> ours = stillOurs(views);
                    views.stream().filter(view -> !ours.contains(view))
                            .forEach(view -> log.info("The rebuild of view {} was stopped", view.name()));
                    // stopped for another view of this read: the others go on through their processors
                    ours.forEach(view -> handOver(view, !stopping, startedAt, head));
                }
            } catch (RuntimeException e) {
                synchronized (replays) {
                    for (InBulk view : stillOurs(views)) {
                        log.warn("Replaying the log into view {} failed ({}); its processor rebuilds it instead",
                                view.name(), e.toString());
                        handOver(view, true, startedAt, head);
                    }
                }
            }
        }, "view-rebuild-" + String.join("+", names));
        thread.setDaemon(true);
        names.forEach(name -> replays.put(name, thread));
        thread.start();
    }

    /** The views of a bulk replay that no newer rebuild took over (call holding {@code replays}). */
    private List<InBulk> stillOurs(List<InBulk> views) {
        return views.stream().filter(view -> replays.get(view.name()) == Thread.currentThread()).toList();
    }

    /** Ends the bulk replay of a view; {@code rebuildThroughProcessor}: its processor rebuilds it from the start. */
    private void handOver(InBulk view, boolean rebuildThroughProcessor, Instant startedAt, long head) {
        forget(view.name());
        if (rebuildThroughProcessor) {
            replayThroughProcessor(view.name(), view.processor(), startedAt, head);
        }
    }

    private void forget(String name) {
        if (replays.remove(name, Thread.currentThread())) {
            replayed.remove(name);
        }
    }

    /** The processor resets its tokens (its reset handler empties the fresh generation) and replays the log itself. */
    private void replayThroughProcessor(String name, StreamingEventProcessor processor, Instant startedAt,
                                        long head) {
        processor.resetTokens();
        holder(name).ifPresent(h -> h.replaying(name));
        processor.start();
        watch(name, processor, startedAt, head);
    }

    /** Every segment of the (stopped) processor continues after the last event the bulk replay handled. */
    private void storeTokens(String name, TrackingToken reached) {
        TokenStore tokens = processors.configuration().tokenStore(name);
        int[] segments = tokens.fetchSegments(name);
        if (segments.length == 0) {
            ProcessorTuning.Settings configured = settings.perGroup().get(name);
            tokens.initializeTokenSegments(name, configured == null ? 1 : configured.segments(), reached);
            return;
        }
        for (int segment : segments) {
            tokens.storeToken(reached, name, segment);
            tokens.releaseClaim(name, segment);
        }
    }

    /** Stops a bulk replay of this view that is running, and waits until it has. */
    private void stopReplay(String name) {
        Thread running;
        synchronized (replays) {
            running = replays.remove(name);
            replayed.remove(name);
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(SHUTDOWN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the rebuild of " + name, e);
        }
    }

    /** Logs progress, and switches readers to the fresh generation once the processor has caught up. */
    private void watch(String name, StreamingEventProcessor processor, Instant startedAt, long head) {
        Optional<RebuiltAside> holder = holder(name);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicLong lastLog = new AtomicLong(System.nanoTime());
        task.set(monitor.scheduleWithFixedDelay(() -> {
            try {
                if (caughtUp(name, processor, head)) {
                    holder.ifPresent(h -> h.switchOver(name));
                    double seconds = Math.max(0.001, Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
                    log.info("Rebuilt view {}: {} events in {} s ({} events/s)", name, head + 1,
                            String.format("%.1f", seconds), Math.round((head + 1) / seconds));
                    task.get().cancel(false);
                    watches.remove(name, task.get());
                } else if (System.nanoTime() - lastLog.get() >= PROGRESS_LOG_INTERVAL.toNanos()) {
                    lastLog.set(System.nanoTime());
                    log.info("Rebuilding view {}: {}%", name, Math.round(100 * progress(name).orElse(0)));
                }
            } catch (RuntimeException e) {
                log.warn("Checking the rebuild of view {} failed; checking again ({})", name, e.toString());
            }
        }, CATCH_UP_CHECK_INTERVAL.toMillis(), CATCH_UP_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
        watches.put(name, task.get());
    }

    /**
     * Every segment claimed here has handled the log up to {@code head}. A segment's position moves on only after
     * its batch's view writes and token are stored, so the fresh generation then holds at least what the old one
     * held when the rebuild started.
     */
    private boolean caughtUp(String name, StreamingEventProcessor processor, long head) {
        int segments = processors.configuration().tokenStore(name).fetchSegments(name).length;
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        if (segments == 0 || statuses.size() < segments) {
            return false;
        }
        return statuses.stream().noneMatch(EventTrackerStatus::isErrorState)
                && statuses.stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        stopping = true;
        monitor.shutdownNow();
        replays.values().forEach(Thread::interrupt);
    }
}
