package nl.koers.query.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.koers.platform.web.ApiProblem;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds a view from the start of the event log: stop its processor, drop its dead letters, reset its tokens
 * (which runs the projection's {@code @ResetHandler}: the view is emptied first), start it again. Progress is
 * logged every few seconds and exposed as {@code koers.view.rebuild.progress}; each rebuild counts in
 * {@code koers.view.rebuilds}. On a multi-replica deployment, stop the processor on the other replicas first:
 * segments they hold cannot be reset from here.
 */
@Service
public class ViewRebuilds {
    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);
    static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);
    private final Processors processors;
    private final MeterRegistry registry;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuild-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public ViewRebuilds(Processors processors, MeterRegistry registry) {
        this.processors = processors;
        this.registry = registry;
    }

    public record Started(String processor, Instant startedAt, long eventsInLog) {
    }

    public synchronized Started rebuild(String name) {
        StreamingEventProcessor processor = processors.get(name);
        if (!processor.supportsReset()) {
            throw ApiProblem.conflict("the view of " + name + " cannot be rebuilt");
        }
        if (Processors.rebuilding(processor)) {
            throw ApiProblem.conflict("a rebuild of " + name + " is already running");
        }
        long head = processors.head();
        Instant startedAt = Instant.now();
        log.info("Rebuilding view {} from the start of the event log ({} events)", name, head + 1);
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
        // Letters of the old view would be replayed into the new one on retry: the replay meets them again.
        processors.configuration().deadLetterQueue(name).ifPresent(queue -> queue.clear());
        processor.resetTokens();
        processor.start();
        Counter.builder("koers.view.rebuilds").tag("processor", name)
                .description("View rebuilds started").register(registry).increment();
        watch(name, processor, startedAt, head);
        return new Started(name, startedAt, head + 1);
    }

    private void watch(String name, StreamingEventProcessor processor, Instant startedAt, long head) {
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(monitor.scheduleWithFixedDelay(() -> {
            OptionalDouble progress = Processors.replayProgress(processor);
            int segments = processors.configuration().tokenStore(name).fetchSegments(name).length;
            boolean started = processor.processingStatus().size() >= segments;
            if (started && progress.isEmpty()) {
                double seconds = Math.max(0.001, Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
                log.info("Rebuilt view {}: {} events in {} s ({} events/s)", name, head + 1,
                        String.format("%.1f", seconds), Math.round((head + 1) / seconds));
                task.get().cancel(false);
            } else {
                log.info("Rebuilding view {}: {}%", name, Math.round(100 * progress.orElse(0)));
            }
        }, PROGRESS_LOG_INTERVAL.toMillis(), PROGRESS_LOG_INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        monitor.shutdownNow();
    }
}
