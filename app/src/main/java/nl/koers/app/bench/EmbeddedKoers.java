package nl.koers.app.bench;

import nl.koers.app.KoersApplication;
import nl.koers.query.audit.AuditChainStore;
import nl.koers.query.search.CaseIndex;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The embedded default (H2 file event store, file-backed in-process MongoDB, the demo users of application.yml)
 * started in this JVM for a benchmark; {@code extraArguments} override any setting.
 */
final class EmbeddedKoers implements AutoCloseable {
    static final List<String> VIEWS = List.of("trajectory-summary", "trajectory-history", "caseload", "outcomes");
    /** Every processor that reads the log: the views and the in-memory search index. */
    static final List<String> READERS = List.of("trajectory-summary", "trajectory-history", "caseload", "outcomes",
            CaseIndex.NAME);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    private final ConfigurableApplicationContext context;

    private EmbeddedKoers(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static EmbeddedKoers start(Path dataDir, List<String> extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--koers.data-dir=" + dataDir,
                "--koers.demo-data=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.nl.koers=WARN"));
        arguments.addAll(extraArguments);
        return new EmbeddedKoers(new SpringApplicationBuilder(KoersApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    String property(String name, String fallback) {
        return context.getEnvironment().getProperty(name, fallback);
    }

    StreamingEventProcessor processor(String name) {
        return bean(EventProcessingConfiguration.class).eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + name));
    }

    long head() {
        TrackingToken head = bean(EventStore.class).createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Whether every segment of the view's processor is claimed here and has handled the log up to {@code head}. */
    boolean caughtUp(String view, long head) {
        EventProcessingConfiguration processing = bean(EventProcessingConfiguration.class);
        int segments = processing.tokenStore(view).fetchSegments(view).length;
        Collection<EventTrackerStatus> statuses = processor(view).processingStatus().values();
        return statuses.size() >= segments
                && statuses.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }

    void awaitCaughtUp(Collection<String> views, Duration patience) {
        long head = head();
        awaitNoneBehind(head, patience, () -> views.stream().filter(view -> !caughtUp(view, head)).toList());
    }

    /**
     * Waits until nothing in this JVM still works through the log: every running streaming processor (the views,
     * the search index, the write side's own) and the audit chain are at the head. After a log written in bulk with
     * the readers paused, the write side's processors and the chain start from the beginning, and reads measured
     * while they catch up measure the catching up.
     */
    void awaitQuiet(Duration patience) {
        long head = head();
        AuditChainStore chain = bean(AuditChainStore.class);
        awaitNoneBehind(head, patience, () -> {
            List<String> behind = new ArrayList<>();
            bean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor && processor.isRunning() && !caughtUp(name, head)) {
                    behind.add(name);
                }
            });
            long linked = chain.head().position();
            if (linked < head) {
                behind.add("audit chain at " + linked);
            }
            return behind;
        });
    }

    /** Asks {@code behind} until it names nobody; says every half minute who still is. */
    private static void awaitNoneBehind(long head, Duration patience, Supplier<List<String>> behind) {
        long deadline = System.nanoTime() + patience.toNanos();
        long nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
        for (List<String> waiting = behind.get(); !waiting.isEmpty(); waiting = behind.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still behind the head (" + head + ") after " + patience + ": "
                        + waiting);
            }
            if (System.nanoTime() > nextReport) {
                System.out.printf("  waiting for the log's readers to reach position %d: %s%n", head, waiting);
                nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
