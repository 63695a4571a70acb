package nl.koers.app.bench;

import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.query.operations.ProcessorTuning;
import nl.koers.query.operations.ViewRebuilds;
import nl.koers.query.audit.AuditChainWriter;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./koers bench replay [--events 100000] [--batch-size N] [--segments N] [--dir DIR]
 * [--views trajectory-summary,caseload,…] [--property name=value]}: writes synthetic trajectories into the event
 * store of a fresh embedded Koers (H2 file, file-backed in-process MongoDB), with every reader of the log stopped,
 * then rebuilds all four views (or those {@code --views} names) together from the start of the log, in one read of
 * the log, as a start with new view versions does, and reports events per second with the processor settings in
 * force. {@code --batch-size}/{@code --segments} override the settings for every view (to compare settings; each
 * run needs a fresh data folder); {@code --property} passes any other setting, e.g.
 * {@code koers.mongo.in-memory=true}.
 */
public final class ReplayBenchmark {
    static final int OK = 0;
    static final int USAGE = 2;
    private static final Duration PATIENCE = Duration.ofHours(2);

    private ReplayBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        long events = 100_000;
        Path dir = null;
        List<String> settings = new ArrayList<>();
        List<String> views = EmbeddedKoers.VIEWS;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(value.replace("_", ""));
                case "--dir" -> dir = Path.of(value);
                case "--property" -> settings.add("--" + value);
                case "--views" -> {
                    views = List.of(value.split(","));
                    if (!EmbeddedKoers.VIEWS.containsAll(views)) {
                        System.err.println("koers bench replay: --views takes some of " + EmbeddedKoers.VIEWS);
                        return USAGE;
                    }
                }
                case "--batch-size", "--segments" -> {
                    int number = Integer.parseInt(value);
                    String setting = args[i].substring(2);
                    EmbeddedKoers.VIEWS.forEach(view ->
                            settings.add("--koers.query.processors." + view + "." + setting + "=" + number));
                }
                default -> {
                    System.err.println("koers bench replay: unknown option " + args[i]);
                    return USAGE;
                }
            }
        }
        if (args.length % 2 != 0) {
            System.err.println("koers bench replay: every option needs a value");
            return USAGE;
        }
        try {
            Path data = dir != null ? dir : BenchFolder.temporary("koers-bench-replay");
            if (Files.exists(data.resolve("events.mv.db"))) {
                System.err.println("koers bench replay: " + data + " already holds an event store; give a fresh --dir");
                return USAGE;
            }
            replay(data, events, settings, views);
            return OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("koers bench replay: " + e);
            return USAGE;
        }
    }

    private static void replay(Path data, long events, List<String> settings, List<String> views) {
        try (EmbeddedKoers koers = EmbeddedKoers.start(data, settings)) {
            // Every reader of the log stands still while it is written and while the views are rebuilt, so the
            // first figure is the append alone (as a bulk import appends) and the second the rebuild alone: the
            // views, the search index (in memory, rebuilt at every start), the write side's own processors and the
            // audit chain. They would otherwise race the writer for the two cores.
            koers.bean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
            koers.bean(AuditChainWriter.class).stop();
            long t = System.nanoTime();
            BenchData generated = new BenchData(koers.bean(PersonalDataCipher.class), 42);
            long stored = generated.append(koers.bean(EventStore.class), events);
            double writeSeconds = seconds(t);
            long head = koers.head();
            // printed at once: at a million events the rebuild that follows takes many minutes
            System.out.printf("replay benchmark: %d events (%d trajectories) in %s; heap max %d MB, %d cores%n",
                    stored, generated.trajectoryIds().size(), data, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  appending the log in bulk (every reader paused): %.1f s (%.0f events/s)%n",
                    writeSeconds, stored / writeSeconds);
            System.out.println("  rebuilding the views …");

            ViewRebuilds rebuilds = koers.bean(ViewRebuilds.class);
            t = System.nanoTime();
            long cpu = processCpuNanos();
            rebuilds.rebuildTogether(views);
            Map<String, Double> done = new LinkedHashMap<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (done.size() < views.size()) {
                for (String view : views) {
                    // rebuilt: caught up, and readers switched to the fresh generation
                    if (!done.containsKey(view) && koers.caughtUp(view, head) && !rebuilds.rebuilding(view)) {
                        done.put(view, seconds(t));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuild did not finish within " + PATIENCE);
                }
                EmbeddedKoers.sleep(50);
            }
            double all = seconds(t);
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
            double rawRate = rawRead(koers.bean(EventStore.class), head);

            Map<String, ProcessorTuning.Settings> tuning = koers.bean(ProcessorTuning.EffectiveSettings.class).perGroup();
            System.out.printf("%-20s %10s %10s %12s %s%n", "view", "seconds", "events/s", "batch size", "segments");
            for (String view : views) {
                ProcessorTuning.Settings s = tuning.get(view);
                System.out.printf("%-20s %10.1f %10.0f %12d %d%n", view, done.get(view), (head + 1) / done.get(view),
                        s.batchSize(), s.segments());
            }
            System.out.printf("all views: %d events in %.1f s, %.0f events/s; raw read: %.0f events/s%n",
                    head + 1, all, (head + 1) / all, rawRate);
            // on a shared machine the wall-clock figures move with the load; CPU time spent does much less
            System.out.printf("  CPU during the rebuild: %.1f s (%.0f events per CPU second); load average %.1f%n",
                    cpuSeconds, (head + 1) / cpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * Events per second at which the same event store yields the whole log through the same JDBC path as the
     * processors (a stream from the start, each payload deserialised), without any projection.
     */
    static double rawRead(EventStore store, long head) {
        long t = System.nanoTime();
        long read = EventLogReading.upTo(store, head, event -> {
            if (event.getPayload() == null) {
                throw new IllegalStateException("an event without payload");
            }
        });
        return read / seconds(t);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
