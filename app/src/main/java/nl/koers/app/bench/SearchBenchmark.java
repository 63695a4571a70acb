package nl.koers.app.bench;

import nl.koers.app.demo.DemoPeople;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.crypto.PersonalDataCipher;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.search.CaseIndexProgress;
import nl.koers.query.summary.SummaryFilter;
import nl.koers.query.summary.SummaryReader;
import nl.koers.query.worklist.WorklistReader;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code ./koers bench search [--trajectories 1000,10000] [--clients 4] [--seconds 20] [--warmup 5] [--only search]
 * [--dir DIR]}:
 * writes synthetic trajectories straight into the event store of a fresh embedded Koers (in steps, up to each
 * size), waits for the views and the search index, then lets {@code --clients} concurrent clients call the readers
 * the endpoints call, in process: searches by a justice liaison (every trajectory in scope; parts of names, a
 * whole given name, birth dates, BSNs; each result row logged as a read) and worklists, of a youth worker's focus
 * area and over all areas. Reports p50/p99 per query and size; finally restarts Koers on the same data and
 * reports how long the search index takes to rebuild from the log. {@code --only search} leaves the worklists out,
 * so the searches do not wait behind them for the two cores.
 */
public final class SearchBenchmark {
    private static final String PURPOSE = "benchmark: search latency";
    private static final KoersUser LIAISON = KoersUser.everywhere("liaison", Role.JUSTICE_LIAISON);
    private SearchBenchmark() {
    }

    public static int run(String[] args) {
        List<Integer> sizes = List.of(1_000, 10_000);
        int clients = 4;
        int seconds = 20;
        int warmup = 5;
        Path dir = null;
        boolean searchOnly = false;
        if (args.length % 2 != 0) {
            System.err.println("koers bench search: every option needs a value");
            return ReplayBenchmark.USAGE;
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--trajectories" -> sizes = Arrays.stream(value.replace("_", "").split(","))
                        .map(Integer::parseInt).sorted().toList();
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--dir" -> dir = Path.of(value);
                case "--only" -> {
                    if (!value.equals("search")) {
                        System.err.println("koers bench search: --only takes 'search'");
                        return ReplayBenchmark.USAGE;
                    }
                    searchOnly = true;
                }
                default -> {
                    System.err.println("koers bench search: unknown option " + args[i]);
                    return ReplayBenchmark.USAGE;
                }
            }
        }
        try {
            Path data = dir != null ? dir : BenchFolder.temporary("koers-bench-search");
            long events = 0;
            try (EmbeddedKoers koers = EmbeddedKoers.start(data, List.of())) {
                BenchData generated = new BenchData(koers.bean(PersonalDataCipher.class), 11);
                System.out.printf("search benchmark: %d clients, %d s after %d s warm-up; heap max %d MB, %d cores%n",
                        clients, seconds, warmup, Runtime.getRuntime().maxMemory() >> 20,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("%-13s %-16s %9s %9s %9s %9s %10s%n", "trajectories", "query", "requests",
                        "req/s", "p50 ms", "p99 ms", "max ms");
                for (int size : sizes) {
                    events += generated.appendTrajectories(koers.bean(EventStore.class),
                            size - generated.trajectoryIds().size());
                    koers.awaitCaughtUp(EmbeddedKoers.READERS, Duration.ofHours(2));
                    report(size, measure(koers, generated, clients, warmup, seconds, searchOnly));
                }
            }
            long started = System.nanoTime();
            try (EmbeddedKoers again = EmbeddedKoers.start(data, List.of())) {
                awaitSearchable(again.bean(CaseIndexProgress.class));
                System.out.printf("search index rebuilt from the log (%d events) at a restart: %.1f s after start-up"
                        + " began%n", events, (System.nanoTime() - started) / 1e9);
            }
            return ReplayBenchmark.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("koers bench search: " + e);
            return ReplayBenchmark.USAGE;
        }
    }

    private static ClosedLoop.Result measure(EmbeddedKoers koers, BenchData generated, int clients, int warmup,
                                             int seconds, boolean searchOnly) {
        SummaryReader summaries = koers.bean(SummaryReader.class);
        WorklistReader worklists = koers.bean(WorklistReader.class);
        List<FocusArea> areas = ReferenceData.get().focusAreas();
        return ClosedLoop.run(clients, warmup, seconds, c -> {
            Random random = new Random(c);
            int[] turn = {c};
            return () -> {
                int kind = turn[0]++ % 10;
                if (searchOnly || kind < 7) {
                    summaries.search(LIAISON, query(random, generated), SummaryFilter.ANY, 0, 20, PURPOSE);
                    return "search";
                }
                if (kind < 9) {
                    FocusArea area = areas.get(random.nextInt(areas.size()));
                    KoersUser worker = KoersUser.inAreas("bench-worker", Role.YOUTH_WORKER, area.code().value());
                    worklists.worklist(worker, null, null, 0, WorklistReader.DEFAULT_PAGE_SIZE, null);
                    return "worklist (area)";
                }
                worklists.worklist(LIAISON, null, null, 0, WorklistReader.DEFAULT_PAGE_SIZE, PURPOSE);
                return "worklist (all)";
            };
        });
    }

    /** What people type: mostly the start of a family name, sometimes a given name, a birth date or a BSN. */
    private static String query(Random random, BenchData generated) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            String family = DemoPeople.FAMILY.get(random.nextInt(DemoPeople.FAMILY.size()));
            String word = family.substring(family.lastIndexOf(' ') + 1);
            return word.substring(0, Math.min(word.length(), 3 + random.nextInt(3)));
        }
        if (roll < 70) {
            return DemoPeople.GIVEN.get(random.nextInt(DemoPeople.GIVEN.size()));
        }
        if (roll < 85) {
            String date = generated.birthDates().get(random.nextInt(generated.birthDates().size()));
            return random.nextBoolean() ? date
                    : date.substring(8, 10) + "-" + date.substring(5, 7) + "-" + date.substring(0, 4);
        }
        return generated.bsns().get(random.nextInt(generated.bsns().size()));
    }

    private static void report(int size, ClosedLoop.Result result) {
        for (String query : List.of("search", "worklist (area)", "worklist (all)")) {
            if (result.count(query) == 0) {
                System.out.printf("%-13d %-16s %9d%n", size, query, 0);
                continue;
            }
            System.out.printf("%-13d %-16s %9d %9.0f %9.2f %9.2f %10.2f%n", size, query, result.count(query),
                    result.perSecond(query), result.millis(query, 0.50), result.millis(query, 0.99),
                    result.millis(query, 1.0));
        }
        if (result.failures() > 0) {
            System.out.printf("  (%d requests failed)%n", result.failures());
        }
    }

    private static void awaitSearchable(CaseIndexProgress progress) {
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (true) {
            try {
                progress.checkReady();
                return;
            } catch (ApiProblem building) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the search index did not catch up: " + building.getMessage());
                }
                EmbeddedKoers.sleep(50);
            }
        }
    }
}
