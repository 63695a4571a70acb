package nl.koers.app.bench;

import nl.koers.command.trajectory.Trajectory;
import nl.koers.platform.crypto.PersonalDataCipher;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./koers bench aggregate [--events 10000] [--loads 200] [--dir DIR]}: stores one trajectory of
 * {@code --events} events, loads it once from its events alone (which takes the snapshot), then {@code --loads}
 * times as a command would find it in the store: from its snapshot plus the events after it. The in-memory
 * aggregate cache is off here, so every load reads the store.
 */
public final class AggregateBenchmark {
    private AggregateBenchmark() {
    }

    public static int run(String[] args) {
        int events = 10_000;
        int loads = 200;
        Path dir = null;
        if (args.length % 2 != 0) {
            System.err.println("koers bench aggregate: every option needs a value");
            return ReplayBenchmark.USAGE;
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1].replace("_", "");
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(value);
                case "--loads" -> loads = Integer.parseInt(value);
                case "--dir" -> dir = Path.of(value);
                default -> {
                    System.err.println("koers bench aggregate: unknown option " + args[i]);
                    return ReplayBenchmark.USAGE;
                }
            }
        }
        if (events < 3 || loads < 1) {
            System.err.println("koers bench aggregate: --events must be at least 3 and --loads at least 1");
            return ReplayBenchmark.USAGE;
        }
        try {
            Path data = dir != null ? dir : BenchFolder.temporary("koers-bench-aggregate");
            try (EmbeddedKoers koers = EmbeddedKoers.start(data, List.of("--koers.aggregate-cache=false"))) {
                EmbeddedKoers.VIEWS.forEach(view -> koers.processor(view).shutDown());
                BenchData generated = new BenchData(koers.bean(PersonalDataCipher.class), 5);
                String id = generated.appendLongTrajectory(koers.bean(EventStore.class), events - 2);
                Repository<Trajectory> trajectories = koers.bean(Configuration.class).repository(Trajectory.class);

                long t = System.nanoTime();
                load(trajectories, id, true);
                double fromEvents = (System.nanoTime() - t) / 1e6;
                long[] nanos = new long[loads];
                for (int i = 0; i < loads; i++) {
                    t = System.nanoTime();
                    load(trajectories, id, false);
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                System.out.printf("aggregate load: a trajectory of %d events, %d loads from its snapshot:"
                                + " p50 %.2f ms, p99 %.2f ms (the first, from its events alone: %.0f ms)%n",
                        events, loads, nanos[loads / 2] / 1e6, nanos[Math.min(loads - 1, (int) (loads * 0.99))] / 1e6,
                        fromEvents);
            }
            return ReplayBenchmark.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("koers bench aggregate: " + e);
            return ReplayBenchmark.USAGE;
        }
    }

    /** Loads the trajectory as a command's unit of work would; {@code commit} lets the snapshot trigger fire. */
    private static void load(Repository<Trajectory> trajectories, String id, boolean commit) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            trajectories.load(id);
        } finally {
            if (commit) {
                unitOfWork.commit();
            } else {
                unitOfWork.rollback();
            }
        }
    }
}
